package dev.retort.plan;

import dev.retort.revision.Destination;
import dev.retort.revision.Edges;
import dev.retort.revision.InvalidTargetException;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.TargetResolver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the version table's current rows and a target into a {@link MigrationPlan}: which revisions run, in which
 * order, and how each step changes the rows. Pure: no JDBC, no clock; the same inputs always give the same plan,
 * which the executor runs online or prints offline.
 *
 * <p>Selection follows Alembic (see {@code alembic-semantics.md} §3): an upgrade runs everything the targets need
 * (dependencies included) that is not yet applied, so an older target is simply a no-op; a downgrade reverts the
 * applied revisions above the target, cascading to revisions that depend on them. Unlike Alembic, downgrading to
 * a revision that is not applied ({@code downgrade <newer>}) is an error. A branch-qualified downgrade
 * ({@code label@rev}, {@code label@base}, {@code label@-N}, and {@code -N}, which Alembic qualifies with the row it
 * starts from) reverts only the revisions above the target that share lineage with the branch; Alembic applies that
 * filter only when the target has several children. Order is {@link RevisionGraph}'s upgrade or downgrade order;
 * row changes follow {@link VersionRows}.
 *
 * <p>Every method validates the current rows: a row naming no known revision is an {@link UnknownVersionException}
 * (except for {@code stamp --purge}, which exists to clear such rows).
 */
public final class Planner {

    private final RevisionGraph graph;
    private final TargetResolver targets;

    public Planner(RevisionGraph graph) {
        this.graph = graph;
        this.targets = new TargetResolver(graph);
    }

    /** Everything needed to reach {@code target}. {@code a:b} ranges are offline only, see {@link #upgradeRange}. */
    public MigrationPlan upgrade(List<String> current, String target) {
        rejectRange(target);
        List<String> rows = knownRows(current);
        return upgradeFrom(rows, targets.upgradeTargets(revisions(rows), target));
    }

    /** Revert down to {@code target}; {@code base} reverts everything, {@code label@base} one branch. */
    public MigrationPlan downgrade(List<String> current, String target) {
        rejectRange(target);
        List<String> rows = knownRows(current);
        return downgradeFrom(rows, targets.downgradeTarget(revisions(rows), target));
    }

    /**
     * Rewrites the rows to {@code destinations} without running migrations (each step is
     * {@link MigrationStep#stampOnly()}); see {@link Stamp}. With {@code purge}, every current row is deleted first,
     * including rows no script defines.
     */
    public MigrationPlan stamp(List<String> current, List<String> destinations, boolean purge) {
        List<String> rows = purge ? List.copyOf(new LinkedHashSet<>(current)) : knownRows(current);
        return new Stamp(graph, targets).plan(rows, destinations.isEmpty() ? List.of("base") : destinations, purge);
    }

    /**
     * Offline upgrade {@code start:end}: the start stands for the rows (empty or {@code base}: an empty table). A
     * range without a colon starts at base. With a {@code label@} start, only targets on that branch are kept.
     */
    public MigrationPlan upgradeRange(String range) {
        RevisionRange parsed = RevisionRange.parse(range, "upgrade");
        List<String> rows = startRows(parsed);
        List<Revision> destinations = targets.upgradeTargets(revisions(rows), parsed.end());
        int at = parsed.start().indexOf('@');
        if (at >= 0 && !destinations.isEmpty()) {
            String branch = parsed.start().substring(0, at);
            destinations = onBranch(destinations, branch);
            if (destinations.isEmpty()) {
                throw InvalidTargetException.notAnUpgradeTarget(parsed.end(),
                        "none of it is on branch '" + branch + "' named by the range start " + parsed.start());
            }
        }
        return upgradeFrom(rows, destinations);
    }

    /** Offline downgrade {@code start:end}; the colon is required, the start stands for the rows. */
    public MigrationPlan downgradeRange(String range) {
        if (!RevisionRange.isRange(range)) {
            throw new InvalidTargetException(range, "downgrade with --sql requires <fromrev>:<torev>, got '"
                    + range + "'");
        }
        RevisionRange parsed = RevisionRange.parse(range, "downgrade");
        List<String> rows = startRows(parsed);
        return downgradeFrom(rows, targets.downgradeTarget(revisions(rows), parsed.end()));
    }

    private MigrationPlan upgradeFrom(List<String> rows, List<Revision> destinations) {
        if (atAll(rows, destinations)) {
            // the start-up case: everything the targets need is below a row, so there is nothing to walk
            return new MigrationPlan(List.of(), rows, VersionRows.inGraphOrder(graph, rows));
        }
        Set<String> applied = ids(graph.ancestors(rows, Edges.WITH_DEPENDENCIES));
        List<String> needed = graph.ancestors(ids(destinations), Edges.WITH_DEPENDENCIES).stream()
                .map(Revision::id).filter(id -> !applied.contains(id)).toList();
        VersionRows table = new VersionRows(graph, rows);
        List<MigrationStep> steps = new ArrayList<>();
        for (Revision revision : graph.upgradeOrder(needed)) {
            List<VersionChange> changes = table.upgrade(revision);
            steps.add(new MigrationStep(revision, Direction.UPGRADE, revision.downRevisions(),
                    List.of(revision.id()), changes));
        }
        return new MigrationPlan(steps, rows, table.rows());
    }

    private MigrationPlan downgradeFrom(List<String> rows, Destination destination) {
        List<Revision> roots = destination.isBase() ? graph.bases()
                : graph.children(destination.revisions().get(0).id());
        if (destination.branch().isPresent() && !roots.isEmpty()) {
            Revision branch = destination.branch().get();
            Set<String> lineage = ids(graph.ancestors(List.of(branch.id()), Edges.VERSIONED));
            lineage.addAll(ids(graph.descendants(List.of(branch.id()), Edges.VERSIONED)));
            roots = roots.stream().filter(root -> lineage.contains(root.id())).toList();
            if (roots.isEmpty()) {
                throw InvalidTargetException.notADowngradeTarget(destination.argument(),
                        "no revision directly above it is on the branch of " + branch.id());
            }
        }
        Set<String> applied = ids(graph.ancestors(rows, Edges.WITH_DEPENDENCIES));
        List<String> reverted = graph.descendants(ids(roots), Edges.WITH_DEPENDENCIES).stream()
                .map(Revision::id).filter(applied::contains).toList();
        if (reverted.isEmpty() && !destination.isBase()
                && !applied.contains(destination.revisions().get(0).id())) {
            throw InvalidTargetException.notADowngradeTarget(destination.argument(),
                    whyNotApplied(destination.revisions().get(0), rows));
        }
        VersionRows table = new VersionRows(graph, rows);
        List<MigrationStep> steps = new ArrayList<>();
        for (Revision revision : graph.downgradeOrder(reverted)) {
            List<VersionChange> changes = table.downgrade(revision);
            steps.add(new MigrationStep(revision, Direction.DOWNGRADE, List.of(revision.id()),
                    revision.downRevisions(), changes));
        }
        return new MigrationPlan(steps, rows, table.rows());
    }

    private String whyNotApplied(Revision target, List<String> rows) {
        if (rows.isEmpty()) {
            return "nothing is applied";
        }
        Set<String> below = ids(graph.ancestors(List.of(target.id()), Edges.WITH_DEPENDENCIES));
        String current = String.join(", ", rows);
        return rows.stream().anyMatch(below::contains)
                ? target.id() + " is newer than the current revision(s) " + current + "; use upgrade to go there"
                : target.id() + " is not applied (current revision(s): " + current + ")";
    }

    private List<Revision> onBranch(List<Revision> destinations, String branch) {
        if (graph.labels().contains(branch)) {
            return destinations.stream().filter(r -> graph.branchLabels(r.id()).contains(branch)).toList();
        }
        Revision named = targets.revisions().revision(branch);
        return destinations.stream().filter(r -> graph.isAncestor(named.id(), r.id(), Edges.VERSIONED)
                || graph.isAncestor(r.id(), named.id(), Edges.VERSIONED)).toList();
    }

    private List<String> startRows(RevisionRange range) {
        return range.startsAtBase() ? List.of() : ids(targets.revisions().resolve(range.start())).stream().toList();
    }

    /** The rows without repeats, each checked to name a known revision. */
    private List<String> knownRows(List<String> current) {
        List<String> rows = List.copyOf(new LinkedHashSet<>(current));
        for (String row : rows) {
            if (!graph.contains(row)) {
                throw new UnknownVersionException(row);
            }
        }
        return rows;
    }

    private List<Revision> revisions(List<String> rows) {
        return rows.stream().map(graph::get).toList();
    }

    private static void rejectRange(String target) {
        if (RevisionRange.isRange(target)) {
            throw new InvalidTargetException(target, "Range revision not allowed: '" + target
                    + "' is a start:end range, which only offline (--sql) plans accept");
        }
    }

    private static boolean atAll(List<String> rows, List<Revision> destinations) {
        for (Revision destination : destinations) {
            if (!rows.contains(destination.id())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
