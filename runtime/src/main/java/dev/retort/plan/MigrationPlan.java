package dev.retort.plan;

import java.util.List;

/**
 * The steps that take the database from {@code startHeads} to {@code endHeads} (version-table rows before and
 * after). The same plan is executed online or printed offline.
 */
public record MigrationPlan(List<MigrationStep> steps, List<String> startHeads, List<String> endHeads) {

    public MigrationPlan {
        steps = List.copyOf(steps);
        startHeads = List.copyOf(startHeads);
        endHeads = List.copyOf(endHeads);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
