package dev.retort.execution;

import dev.retort.plan.MigrationStep;

import java.time.Duration;

/** Progress callbacks. Every method has a no-op default, so the executor never asks whether one is set. */
public interface ExecutionListener {

    ExecutionListener NONE = new ExecutionListener() {
    };

    default void stepStarting(MigrationStep step) {
    }

    default void stepCompleted(MigrationStep step, Duration took) {
    }

    /** A dry run lists this step: it would run now, and does not (no {@link #stepStarting} follows). */
    default void stepWouldRun(MigrationStep step) {
    }
}
