package dev.retort.cli;

import dev.retort.revision.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashSet;
import java.util.Set;

/** {@code retort history}: every revision, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List revisions newest first: parents -> id (labels) (head) (branchpoint) (mergepoint), message.")
final class HistoryCommand extends ProjectCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "[START]:[END]",
            description = "Only revisions from START to END; either may be empty, base, current or any identifier.")
    String range;

    @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
    boolean verbose;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the revisions the database is at (needs the database).")
    boolean indicateCurrent;

    @Override
    int run(Project project) {
        // current() rather than currentRows(): a row no script defines is an error here too, not silently unmarked
        Set<String> current = indicateCurrent
                ? new HashSet<>(project.retort().current().stream().map(Revision::id).toList()) : Set.of();
        RevisionFormat format = new RevisionFormat(project.retort().graph(), current);
        for (Revision r : project.retort().history(range)) {
            out().println(verbose ? format.verbose(r) : format.line(r));
        }
        return 0;
    }
}
