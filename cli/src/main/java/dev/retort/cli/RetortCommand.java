package dev.retort.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/** {@code retort}: lists its subcommands; every subcommand takes the project options. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Database schema migrations with a typed Groovy DSL and an Alembic-style revision graph.",
        subcommands = {InitCommand.class, RevisionCommand.class, UpgradeCommand.class, DowngradeCommand.class,
                CurrentCommand.class, HistoryCommand.class, HeadsCommand.class, BranchesCommand.class,
                ShowCommand.class, MergeCommand.class, StampCommand.class, CheckCommand.class, AcceptChangesCommand.class, ResolveCommand.class,
                LockCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a check found problems",
                "2:invalid command line",
                "3:invalid configuration",
                "4:a migration script is broken (file:line given)",
                "5:the revision graph is invalid",
                "6:a revision or target cannot be resolved",
                "7:the database cannot be reached",
                "8:a migration failed (the database is at the last good revision)",
                "9:the version table does not match the scripts",
                "10:another migrator holds the lock",
                "70:internal error"})
public final class RetortCommand implements Runnable {

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    RetortCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Project openProject(PrintWriter progress) {
        if (options.debug) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        return new Project(Settings.resolve(options, env), progress);
    }

    /** The password from any source, so that even unexpected messages can be scrubbed of it. */
    String passwordForMasking() {
        return options.password != null ? options.password : env.get("RETORT_PASSWORD");
    }

    /** Builds the command line; tests call this with their own environment and writers. */
    static CommandLine commandLine(Map<String, String> env) {
        RetortCommand root = new RetortCommand(env);
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler(new ErrorHandler(root));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        // quiet libraries by default: results go to stdout, progress and errors to stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        int code = commandLine(System.getenv()).execute(args);
        System.exit(code);
    }
}
