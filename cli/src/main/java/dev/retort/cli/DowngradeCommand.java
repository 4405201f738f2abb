package dev.retort.cli;

import dev.retort.api.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql] [--dry-run]}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Revert the applied revisions above TARGET.",
                "TARGET: base, a revision id or unique prefix, label@base, -N, rev-N; with --sql a FROM:TO range."})
final class DowngradeCommand extends ProjectCommand {

    @Parameters(paramLabel = "TARGET")
    String target;

    @Option(names = "--sql", description = "Print the SQL script for FROM:TO instead of running it (no connection).")
    boolean sql;

    @Option(names = "--dry-run", description = "Read the database, print which revisions would be reverted and their statements; change nothing.")
    boolean dryRun;

    @Override
    int run(Project project) {
        if (sql) {
            out().print(project.retort().downgradeSql(target));
            return 0;
        }
        if (dryRun) {
            out().print(project.retort().dryRunDowngrade(target));
            return 0;
        }
        MigrationResult result = project.retort().downgrade(target);
        out().println(Summary.of(result, "downgrade"));
        return 0;
    }
}
