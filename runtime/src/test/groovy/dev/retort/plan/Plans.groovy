package dev.retort.plan

import dev.retort.revision.Edges
import dev.retort.revision.RevisionGraph

/**
 * Reads plans compactly in specs. A step is written {@code <revision> <changes>}, each change as {@code +x}
 * (insert), {@code -x} (delete) or {@code a>b} (update): {@code 'e -d1 d2>e'} upgrades merge point e by deleting
 * d1's row and updating d2's row to e.
 */
final class Plans {

    static List<String> steps(MigrationPlan plan) {
        plan.steps().collect { step(it) }
    }

    static String step(MigrationStep step) {
        ([step.revision().id()] + step.versionChanges().collect { change(it) }).join(' ')
    }

    static String change(VersionChange change) {
        switch (change) {
            case VersionChange.Insert: return "+${change.revision()}"
            case VersionChange.Delete: return "-${change.revision()}"
            case VersionChange.Update: return "${change.from()}>${change.to()}"
        }
        throw new IllegalArgumentException(change.toString())
    }

    /**
     * Applies the plan's row changes to its start rows the way an online executor checks them: an insert must not
     * duplicate a row, an update or delete must match exactly one row. Returns the resulting rows.
     */
    static Set<String> replay(MigrationPlan plan) {
        Set<String> rows = new LinkedHashSet<>(plan.startHeads())
        plan.steps().each { step ->
            step.versionChanges().each { change ->
                switch (change) {
                    case VersionChange.Insert:
                        assert rows.add(change.revision()): "insert of existing row ${change.revision()}"
                        break
                    case VersionChange.Delete:
                        assert rows.remove(change.revision()): "delete of missing row ${change.revision()}"
                        break
                    case VersionChange.Update:
                        assert rows.remove(change.from()): "update of missing row ${change.from()}"
                        assert rows.add(change.to()): "update to existing row ${change.to()}"
                        break
                }
            }
        }
        rows
    }

    /** True when no row lies below another (dependencies included): no row is implied by another. */
    static boolean noRowImplied(RevisionGraph graph, Collection<String> rows) {
        rows.every { row ->
            (rows - row).every { other -> !graph.isAncestor(row, other, Edges.WITH_DEPENDENCIES) }
        }
    }
}
