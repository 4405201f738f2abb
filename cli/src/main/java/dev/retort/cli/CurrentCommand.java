package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code retort current}: the revisions the database is at, one a line, the id first. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Show the revision(s) the database is at, one a line. Nothing is printed for an empty database.")
final class CurrentCommand extends ProjectCommand {

    @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
    boolean verbose;

    @Option(names = "--check-heads", description = "Exit 1 unless the database is at every head revision.")
    boolean checkHeads;

    @Override
    int run(Project project) {
        List<Revision> current = project.retort().current();
        RevisionGraph graph = project.retort().graph();
        RevisionFormat format = new RevisionFormat(graph, Set.of());
        for (Revision r : current) {
            out().println(verbose ? format.verbose(r) : format.brief(r));
        }
        if (checkHeads) {
            Set<String> rows = new HashSet<>(current.stream().map(Revision::id).toList());
            Set<String> heads = new HashSet<>(graph.heads().stream().map(Revision::id).toList());
            if (!rows.equals(heads)) {
                throw new RetortException(ErrorCode.CHECK_FAILED, "Database is not on all head revisions: it is at "
                        + (rows.isEmpty() ? "base" : String.join(", ", rows)) + ", the heads are " + String.join(", ", heads));
            }
        }
        return 0;
    }
}
