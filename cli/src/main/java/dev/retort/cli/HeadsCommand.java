package dev.retort.cli;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Set;

/** {@code retort heads}: the head revisions of the scripts. Needs no database. */
@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Show the head revisions of the scripts, one a line. Reads only the scripts' headers.")
final class HeadsCommand extends ProjectCommand {

    @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
    boolean verbose;

    @Option(names = "--resolve-dependencies", description = "Only real heads: leave out revisions that others depend on.")
    boolean resolveDependencies;

    @Override
    int run(Project project) {
        RevisionGraph graph = project.retort().graph();
        List<Revision> heads = resolveDependencies ? graph.heads() : graph.branchHeads();
        RevisionFormat format = new RevisionFormat(graph, Set.of());
        for (Revision r : heads) {
            out().println(verbose ? format.verbose(r) : format.brief(r));
        }
        return 0;
    }
}
