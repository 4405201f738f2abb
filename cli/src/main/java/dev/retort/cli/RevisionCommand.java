package dev.retort.cli;

import dev.retort.revision.NewRevisionRules;
import dev.retort.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code retort revision -m MSG}: a new, empty revision script on top of the current head. */
@Command(name = "revision", mixinStandardHelpOptions = true,
        description = "Write a new revision script whose downRevision is the head (or --head).")
final class RevisionCommand extends ProjectCommand {

    @Option(names = {"-m", "--message"}, required = true, description = "What the revision does; also names the file.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of 12 random hex characters.")
    String revId;

    @Option(names = "--head", paramLabel = "REV", description = "Parent(s): a head, base (a new root), label@head; repeatable. Default: head.")
    List<String> heads = new ArrayList<>();

    @Option(names = "--splice", description = "Allow a --head that is not a head, starting a new branch from it.")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision; repeatable.")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision or label this one depends on; repeatable.")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--version-path", paramLabel = "DIR", description = "Which migrations folder to write into.")
    Path versionPath;

    @Override
    int run(Project project) throws Exception {
        RevisionGraph graph = project.retort().graph();
        NewRevisionRules rules = new NewRevisionRules(graph);
        List<String> parents = heads.equals(List.of("base")) ? List.of() : rules.parentsFor(heads, splice);
        Path file = new RevisionFiles(project.settings(), graph)
                .write(revId, parents, branchLabels, rules.dependencies(dependsOn), message, versionPath);
        out().println("Generated " + project.settings().project().relativize(file.toAbsolutePath()));
        return 0;
    }
}
