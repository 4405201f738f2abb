package dev.retort.plan;

import dev.retort.revision.Edges;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simulates the version table while a plan is built, so each step carries the exact row changes (Alembic's
 * {@code HeadMaintainer}) and the plan knows its final rows.
 *
 * <p>The model: the applied set is the rows plus everything below them (dependencies included), and the rows are
 * exactly the applied revisions nothing applied builds on. A dependency target implied by its dependent's row
 * therefore has no row of its own. For each applied revision the simulation keeps how many applied revisions need
 * it, so deciding whether a revision becomes or stops being a row is constant time, not a walk of its ancestors.
 *
 * <p>Upgrading R consumes the rows of the revisions it needs: none, INSERT R; one, UPDATE it to R; several (a merge,
 * or a dependency whose row is still present), DELETE all but the last and UPDATE the last to R. Downgrading R
 * restores the revisions it needed that nothing else applied still needs: none, DELETE R; one, UPDATE R to it;
 * several, UPDATE R to the last and INSERT the others. "Needed" is ordered dependencies first, then down revisions,
 * each as declared, so the row of the last-declared down revision is the one carried through a merge.
 */
final class VersionRows {

    private final RevisionGraph graph;
    private final List<String> rows;
    /** Applied revision id to the number of applied revisions that need it. */
    private final Map<String, Integer> neededBy = new HashMap<>();

    VersionRows(RevisionGraph graph, List<String> rows) {
        this.graph = graph;
        this.rows = new ArrayList<>(new LinkedHashSet<>(rows));
        for (Revision applied : graph.ancestors(this.rows, Edges.WITH_DEPENDENCIES)) {
            neededBy.putIfAbsent(applied.id(), 0);
            for (String needed : needs(applied)) {
                neededBy.merge(needed, 1, Integer::sum);
            }
        }
    }

    /** Applies {@code revision} and returns the row changes that record it. */
    List<VersionChange> upgrade(Revision revision) {
        List<String> needs = needs(revision);
        List<String> consumed = needs.stream().filter(rows::contains).toList();
        needs.forEach(needed -> neededBy.merge(needed, 1, Integer::sum));
        neededBy.put(revision.id(), 0);
        List<VersionChange> changes = new ArrayList<>();
        if (consumed.isEmpty()) {
            changes.add(new VersionChange.Insert(revision.id()));
            rows.add(revision.id());
            return changes;
        }
        for (String deleted : consumed.subList(0, consumed.size() - 1)) {
            changes.add(new VersionChange.Delete(deleted));
            rows.remove(deleted);
        }
        String carried = consumed.get(consumed.size() - 1);
        changes.add(new VersionChange.Update(carried, revision.id()));
        rows.set(rows.indexOf(carried), revision.id());
        return changes;
    }

    /** Reverts {@code revision}, which must be a row, and returns the row changes that record it. */
    List<VersionChange> downgrade(Revision revision) {
        int row = rows.indexOf(revision.id());
        if (row < 0 || neededBy.getOrDefault(revision.id(), 0) != 0) {
            throw new IllegalStateException("revision " + revision.id() + " is reverted before what builds on it");
        }
        neededBy.remove(revision.id());
        List<String> restored = new ArrayList<>();
        for (String needed : needs(revision)) {
            if (neededBy.merge(needed, -1, Integer::sum) == 0 && !rows.contains(needed)) {
                restored.add(needed);
            }
        }
        List<VersionChange> changes = new ArrayList<>();
        if (restored.isEmpty()) {
            changes.add(new VersionChange.Delete(revision.id()));
            rows.remove(row);
            return changes;
        }
        String carried = restored.get(restored.size() - 1);
        changes.add(new VersionChange.Update(revision.id(), carried));
        rows.set(row, carried);
        for (String inserted : restored.subList(0, restored.size() - 1)) {
            changes.add(new VersionChange.Insert(inserted));
            rows.add(inserted);
        }
        return changes;
    }

    /** The rows now, in load order. */
    List<String> rows() {
        return inGraphOrder(graph, rows);
    }

    /** The rows once each, in the order of the graph's revisions: how a plan reports its final rows. */
    static List<String> inGraphOrder(RevisionGraph graph, List<String> rows) {
        if (rows.size() == 1) {
            return List.copyOf(rows);
        }
        Set<String> current = Set.copyOf(rows);
        return graph.revisions().stream().map(Revision::id).filter(current::contains).toList();
    }

    /** What a revision needs applied first: dependencies, then down revisions, each as declared, no repeats. */
    private List<String> needs(Revision revision) {
        Set<String> needs = new LinkedHashSet<>();
        graph.dependencies(revision.id()).forEach(dependency -> needs.add(dependency.id()));
        graph.parents(revision.id()).forEach(parent -> needs.add(parent.id()));
        return List.copyOf(needs);
    }
}
