package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code retort check}: exit 1 with a line per problem, for CI and deploy gates. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify the database against the scripts; exit 1 with a line per problem:",
                "applied scripts changed since they ran, applied revisions without a script, pending revisions, several heads."})
final class CheckCommand extends ProjectCommand {

    @Override
    int run(Project project) {
        List<String> problems = project.retort().check();
        if (problems.isEmpty()) {
            out().println("OK: the database is at every head and every applied script is unchanged.");
            return 0;
        }
        problems.forEach(p -> out().println(p));
        throw new RetortException(ErrorCode.CHECK_FAILED, problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
    }
}
