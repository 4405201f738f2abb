package dev.retort.cli;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Set;

/** {@code retort show REV}: one revision in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show revisions in full: any identifier, 'current' (reads the database) or 'heads'; 'base' shows nothing.")
final class ShowCommand extends ProjectCommand {

    @Parameters(paramLabel = "REV")
    String revision;

    @Override
    int run(Project project) {
        List<Revision> shown = revision.equals("current") ? project.retort().current()
                : new RevisionResolver(project.retort().graph()).resolve(revision);
        RevisionFormat format = new RevisionFormat(project.retort().graph(), Set.of());
        shown.forEach(r -> out().println(format.verbose(r)));
        return 0;
    }
}
