package dev.retort.cli;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Set;

/** {@code retort branches}: each branch point and the revisions it branches into. */
@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Show each branch point with '-> child' lines for the revisions it branches into.")
final class BranchesCommand extends ProjectCommand {

    @Option(names = {"-v", "--verbose"}, description = "Show each branch point in full.")
    boolean verbose;

    @Override
    int run(Project project) {
        RevisionGraph graph = project.retort().graph();
        RevisionFormat format = new RevisionFormat(graph, Set.of());
        for (Revision point : graph.branchPoints()) {
            out().println(verbose ? format.verbose(point) : format.line(point));
            for (Revision child : graph.children(point.id())) {
                out().println("    -> " + format.brief(child) + (child.message().isEmpty() ? "" : ", " + child.message()));
            }
        }
        return 0;
    }
}
