package dev.retort.cli;

import dev.retort.api.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET] [--sql] [--dry-run]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Apply every revision TARGET needs that is not applied yet. Upgrading to an older revision does nothing.",
                "TARGET: head (default), heads, a revision id or unique prefix, a branch label, label@head, +N, rev+N."})
final class UpgradeCommand extends ProjectCommand {

    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it (no connection). TARGET may be a FROM:TO range; the start defaults to base.")
    boolean sql;

    @Option(names = "--dry-run", description = "Read the database, print which revisions would run and their statements; change nothing.")
    boolean dryRun;

    @Option(names = "--allow-changed", description = "Upgrade even though applied scripts changed since they ran (see 'retort check').")
    boolean allowChanged;

    @Override
    int run(Project project) {
        if (allowChanged) {
            project.allowChangedScripts();
        }
        if (sql) {
            out().print(project.retort().upgradeSql(target));
            return 0;
        }
        if (dryRun) {
            out().print(project.retort().dryRunUpgrade(target));
            return 0;
        }
        MigrationResult result = project.retort().upgrade(target);
        out().println(Summary.of(result, "upgrade"));
        return 0;
    }
}
