package dev.retort.cli;

import dev.retort.execution.ExecutionListener;
import dev.retort.plan.MigrationStep;

import java.io.PrintWriter;

/** Prints a line as each step starts, on stderr, so stdout stays clean for results and SQL. */
final class ProgressPrinter implements ExecutionListener {

    private final PrintWriter out;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepStarting(MigrationStep step) {
        String message = step.revision().message();
        out.println("Running " + step.describe() + (message.isEmpty() ? "" : ", " + message));
        out.flush();
    }
}
