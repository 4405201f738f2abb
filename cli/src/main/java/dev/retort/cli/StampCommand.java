package dev.retort.cli;

import dev.retort.api.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort stamp REVS}: set the version table without running migrations. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = {"Set the version table to REVS without running any migration (base empties it, heads = every head).",
                "For an existing database built by other means, or to repair the table after a reviewed manual change."})
final class StampCommand extends ProjectCommand {

    @Parameters(paramLabel = "REVS", arity = "1..*")
    List<String> revisions;

    @Option(names = "--purge", description = "First delete every row, even rows no script defines.")
    boolean purge;

    @Option(names = "--sql", description = "Print the version-table statements instead; REVS may be one FROM:TO.")
    boolean sql;

    @Override
    int run(Project project) {
        if (sql) {
            // options that do not go together: a usage error (exit 2), as picocli reports its own
            if (purge) {
                throw new ParameterException(spec.commandLine(), "Can't use --purge with --sql mode");
            }
            if (revisions.size() != 1) {
                throw new ParameterException(spec.commandLine(), "Stamp operation with --sql only supports a single starting revision at a time");
            }
            out().print(project.retort().stampSql(revisions.get(0)));
            return 0;
        }
        MigrationResult result = project.retort().stamp(revisions, purge);
        out().println("Stamped: the database is at " + Summary.heads(result.endHeads()) + " (was "
                + Summary.heads(result.startHeads()) + "); no migration ran.");
        return 0;
    }
}
