package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.revision.Edges;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code retort current}: the revisions the database is at, one a line, the id first. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = {"Show the revision(s) the database is at, one a line. Nothing is printed for an empty database.",
                "A revision on another branch that an applied one depends on shows as (effective head)."})
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
        for (Revision r : branchHeadsOfApplied(current, graph)) {
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

    /**
     * As Alembic shows it: the rows, and the dependency targets they imply (a row does not name a revision on another
     * branch that it depends on; that one prints as {@code (effective head)}). Of everything applied, each revision
     * none of whose version children is applied, in load order.
     */
    private static List<Revision> branchHeadsOfApplied(List<Revision> rows, RevisionGraph graph) {
        List<Revision> applied = graph.ancestors(rows.stream().map(Revision::id).toList(), Edges.WITH_DEPENDENCIES);
        Set<Revision> appliedSet = new HashSet<>(applied);
        return applied.stream().filter(r -> graph.children(r.id()).stream().noneMatch(appliedSet::contains)).toList();
    }
}
