package dev.retort.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort resolve REV --applied|--undone}: settle a migration that could not roll back and did not finish. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Settle a migration that ran where it cannot roll back (H2 DDL, 'transactional false') and was",
                "interrupted or failed part-way. Inspect the database first; then say what you found."})
final class ResolveCommand extends ProjectCommand {

    @Parameters(paramLabel = "REV")
    String revision;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--applied", required = true, description = "Its changes are complete: move the version table on.")
        boolean applied;

        @Option(names = "--undone", required = true, description = "Its changes were undone: leave the version table.")
        boolean undone;
    }

    @Override
    int run(Project project) {
        List<String> rows = project.retort().resolve(revision, outcome.applied);
        out().println("Resolved " + revision + " as " + (outcome.applied ? "applied" : "undone")
                + "; the database is at " + Summary.heads(rows) + ".");
        return 0;
    }
}
