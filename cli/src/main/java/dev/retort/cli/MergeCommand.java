package dev.retort.cli;

import dev.retort.revision.NewRevisionRules;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code retort merge heads -m MSG}: a revision that joins several heads into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Write a merge revision whose downRevision lists REVS ('heads' for every head).")
final class MergeCommand extends ProjectCommand {

    @Parameters(paramLabel = "REVS", arity = "0..*", description = "Revisions to merge; default: heads.")
    List<String> revisions = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "What the merge is for. Default: merge <ids>.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of 12 random hex characters.")
    String revId;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the merge revision; repeatable.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--splice", description = "Allow merging revisions that are not heads.")
    boolean splice;

    @Override
    int run(Project project) throws Exception {
        RevisionGraph graph = project.retort().graph();
        List<String> parents = new NewRevisionRules(graph).parentsForMerge(revisions, splice);
        String text = message != null ? message : "merge " + String.join(", ", parents);
        Path file = new RevisionFiles(project.settings(), graph).write(revId, parents, branchLabels, List.of(), text, null);
        out().println("Generated " + project.settings().project().relativize(file.toAbsolutePath()));
        return 0;
    }
}
