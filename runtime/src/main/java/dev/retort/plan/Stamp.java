package dev.retort.plan;

import dev.retort.revision.Destination;
import dev.retort.revision.Edges;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.TargetResolver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans {@code stamp}: rewrites version-table rows without running migration code (Alembic's
 * {@code ScriptDirectory._stamp_revs} and {@code StampStep}). Destinations are taken one at a time against the
 * rows as the previous ones left them (Alembic compares every destination with the original rows, which can make
 * {@code stamp heads} merge unrelated rows). For each destination D:
 * <ul>
 *   <li>{@code base} deletes every row, {@code label@base} the rows sharing lineage with the branch (dependencies
 *       included), one step per row;</li>
 *   <li>D already a row: nothing;</li>
 *   <li>otherwise the rows sharing lineage with D (ancestors or descendants, dependencies included) are replaced by
 *       D: none, INSERT D; one, UPDATE it to D; several, DELETE all but the last (in row order) and UPDATE the last.
 *       The step is a downgrade when a replaced row lies above D.</li>
 * </ul>
 */
final class Stamp {

    private final RevisionGraph graph;
    private final TargetResolver targets;

    Stamp(RevisionGraph graph, TargetResolver targets) {
        this.graph = graph;
        this.targets = targets;
    }

    MigrationPlan plan(List<String> current, List<String> destinations, boolean purge) {
        List<MigrationStep> steps = new ArrayList<>();
        List<String> rows = new ArrayList<>(current);
        if (purge) {
            for (String row : current) {
                Revision revision = graph.find(row).orElse(Revision.of(row));
                steps.add(deletion(revision));
            }
            rows.clear();
        }
        for (String target : destinations) {
            Destination destination = targets.stampTarget(rows.stream().map(graph::get).toList(), target);
            if (destination.isBase()) {
                Set<String> affected = destination.branch().map(branch -> lineage(branch.id())).orElse(null);
                for (String row : List.copyOf(rows)) {
                    if (affected == null || affected.contains(row)) {
                        steps.add(deletion(graph.get(row)));
                        rows.remove(row);
                    }
                }
                continue;
            }
            for (Revision revision : destination.revisions()) {
                if (!rows.contains(revision.id())) {
                    steps.add(moveTo(revision, rows));
                }
            }
        }
        return new MigrationPlan(steps, current, inLoadOrder(rows));
    }

    private MigrationStep moveTo(Revision destination, List<String> rows) {
        Set<String> lineage = lineage(destination.id());
        List<String> replaced = rows.stream().filter(lineage::contains).toList();
        if (replaced.isEmpty()) {
            rows.add(destination.id());
            return MigrationStep.stamp(destination, Direction.UPGRADE, List.of(), List.of(destination.id()),
                    List.of(new VersionChange.Insert(destination.id())));
        }
        Set<String> above = new HashSet<>();
        graph.descendants(List.of(destination.id()), Edges.WITH_DEPENDENCIES).forEach(r -> above.add(r.id()));
        Direction direction = replaced.stream().anyMatch(above::contains) ? Direction.DOWNGRADE : Direction.UPGRADE;
        List<VersionChange> changes = new ArrayList<>();
        for (String deleted : replaced.subList(0, replaced.size() - 1)) {
            changes.add(new VersionChange.Delete(deleted));
            rows.remove(deleted);
        }
        String carried = replaced.get(replaced.size() - 1);
        changes.add(new VersionChange.Update(carried, destination.id()));
        rows.set(rows.indexOf(carried), destination.id());
        return MigrationStep.stamp(destination, direction, replaced, List.of(destination.id()), changes);
    }

    private static MigrationStep deletion(Revision row) {
        return MigrationStep.stamp(row, Direction.DOWNGRADE, List.of(row.id()), List.of(),
                List.of(new VersionChange.Delete(row.id())));
    }

    /** Ancestors and descendants, dependencies included: the rows a stamp to this revision replaces. */
    private Set<String> lineage(String id) {
        Set<String> result = new LinkedHashSet<>();
        graph.ancestors(List.of(id), Edges.WITH_DEPENDENCIES).forEach(r -> result.add(r.id()));
        graph.descendants(List.of(id), Edges.WITH_DEPENDENCIES).forEach(r -> result.add(r.id()));
        return result;
    }

    private List<String> inLoadOrder(List<String> rows) {
        Set<String> current = Set.copyOf(rows);
        return graph.revisions().stream().map(Revision::id).filter(current::contains).toList();
    }
}
