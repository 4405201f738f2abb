package dev.retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A subcommand that works on the configured project; it gets the project, formats the result, returns 0. */
abstract class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        // the root, not the parent: some commands sit below a group ('lock status')
        RetortCommand root = (RetortCommand) spec.root().userObject();
        try {
            return run(root.openProject(err()));
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int run(Project project) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
