package dev.retort.execution;

import dev.retort.plan.MigrationStep;

import java.time.Duration;
import java.util.List;

/** What an execution did: the steps applied in order, and the version-table rows at the end. */
public record ExecutionReport(List<AppliedStep> applied, List<String> endHeads) {

    public record AppliedStep(MigrationStep step, Duration took) {
    }

    public ExecutionReport {
        applied = List.copyOf(applied);
        endHeads = List.copyOf(endHeads);
    }
}
