package dev.retort.cli;

import dev.retort.execution.ExecutionListener;
import dev.retort.plan.MigrationStep;

import java.io.PrintWriter;

/**
 * Prints a line as each step starts, on stderr, so stdout stays clean for results and SQL; a dry run's steps are
 * printed as what would run, since none of them does.
 */
final class ProgressPrinter implements ExecutionListener {

    private final PrintWriter out;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepStarting(MigrationStep step) {
        print("Running ", step);
    }

    @Override
    public void stepWouldRun(MigrationStep step) {
        print("Would run ", step);
    }

    private void print(String verb, MigrationStep step) {
        String message = step.revision().message();
        out.println(verb + step.describe() + (message.isEmpty() ? "" : ", " + message));
        out.flush();
    }
}
