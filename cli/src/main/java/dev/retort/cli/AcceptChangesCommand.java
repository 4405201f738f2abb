package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code retort accept-changes [REV…]}: record the current text of changed applied scripts as intended. */
@Command(name = "accept-changes", mixinStandardHelpOptions = true,
        description = {"After a deliberate, reviewed edit of applied scripts: record their current text as what is applied,",
                "so 'check' and 'upgrade' accept them. Only the given revisions, or every changed one. Runs no migration."})
final class AcceptChangesCommand extends ProjectCommand {

    @Parameters(paramLabel = "REV", arity = "0..*")
    List<String> revisions = new ArrayList<>();

    @Override
    int run(Project project) {
        List<String> accepted = project.retort().acceptChanges(revisions);
        out().println(accepted.isEmpty() ? "Nothing to accept: no applied script has changed."
                : "Accepted the current text of " + String.join(", ", accepted) + ".");
        return 0;
    }
}
