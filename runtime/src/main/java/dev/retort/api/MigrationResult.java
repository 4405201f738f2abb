package dev.retort.api;

import dev.retort.execution.ExecutionReport;
import dev.retort.plan.MigrationStep;

import java.time.Duration;
import java.util.List;

/** What an upgrade, downgrade or stamp did. */
public record MigrationResult(List<String> startHeads, List<String> endHeads, List<ExecutionReport.AppliedStep> applied) {

    public MigrationResult {
        startHeads = List.copyOf(startHeads);
        endHeads = List.copyOf(endHeads);
        applied = List.copyOf(applied);
    }

    public boolean changedNothing() {
        return applied.isEmpty() && startHeads.equals(endHeads);
    }

    public List<MigrationStep> steps() {
        return applied.stream().map(ExecutionReport.AppliedStep::step).toList();
    }

    public Duration totalTime() {
        return applied.stream().map(ExecutionReport.AppliedStep::took).reduce(Duration.ZERO, Duration::plus);
    }
}
