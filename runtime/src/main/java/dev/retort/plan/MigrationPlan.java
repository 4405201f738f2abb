package dev.retort.plan;

import java.util.List;
import java.util.Set;

/**
 * The steps that take the database from {@code startHeads} to {@code endHeads} (version-table rows before and
 * after). The same plan is executed online or printed offline.
 */
public record MigrationPlan(List<MigrationStep> steps, Set<String> startHeads, Set<String> endHeads) {

    public MigrationPlan {
        steps = List.copyOf(steps);
        startHeads = Set.copyOf(startHeads);
        endHeads = Set.copyOf(endHeads);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
