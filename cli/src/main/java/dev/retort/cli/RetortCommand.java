package dev.retort.cli;

import dev.retort.api.MaskedUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code retort}: lists its subcommands; every subcommand takes the project options. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Database schema migrations with a typed Groovy DSL and an Alembic-style revision graph.",
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

    /**
     * The subcommands' names, in the order help lists them. They are added to the command line by hand rather than
     * by the annotation, so that a run builds picocli's model only for the subcommand it runs: building all of them,
     * by reflection, was a third of the time of a command that has nothing to do. Names, not classes, so that a run
     * does not even load the others ({@link #subcommand(String)}; a test checks each name against its class).
     */
    static final List<String> SUBCOMMANDS = List.of("init", "revision", "upgrade", "downgrade", "current", "history",
            "heads", "branches", "show", "merge", "stamp", "check", "accept-changes", "resolve", "lock", "help");

    /** The class of a subcommand; a switch, so only the class asked for is loaded. */
    static Class<?> subcommand(String name) {
        return switch (name) {
            case "init" -> InitCommand.class;
            case "revision" -> RevisionCommand.class;
            case "upgrade" -> UpgradeCommand.class;
            case "downgrade" -> DowngradeCommand.class;
            case "current" -> CurrentCommand.class;
            case "history" -> HistoryCommand.class;
            case "heads" -> HeadsCommand.class;
            case "branches" -> BranchesCommand.class;
            case "show" -> ShowCommand.class;
            case "merge" -> MergeCommand.class;
            case "stamp" -> StampCommand.class;
            case "check" -> CheckCommand.class;
            case "accept-changes" -> AcceptChangesCommand.class;
            case "resolve" -> ResolveCommand.class;
            case "lock" -> LockCommand.class;
            case "help" -> CommandLine.HelpCommand.class;
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    /** The settings of this run, once a command has opened the project. */
    private Settings settings;

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
        settings = Settings.resolve(options, env);
        return new Project(settings, progress);
    }

    /**
     * Every password this run knows of, from any source (flag, environment, retort.properties, written into the
     * URL), so that even unexpected messages and stack traces can be scrubbed of them.
     */
    List<String> secretsForMasking() {
        List<String> secrets = new ArrayList<>();
        secrets.add(options.password);
        secrets.add(env.get("RETORT_PASSWORD"));
        secrets.addAll(MaskedUrl.secretsIn(options.url));
        secrets.addAll(MaskedUrl.secretsIn(env.get("RETORT_URL")));
        if (settings != null) {
            secrets.add(settings.password());
            secrets.addAll(MaskedUrl.secretsIn(settings.url()));
        }
        secrets.removeIf(Objects::isNull);
        return secrets;
    }

    /** Builds the command line with every subcommand; tests call this with their own environment and writers. */
    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, SUBCOMMANDS);
    }

    /**
     * Builds the command line for these arguments: with only the subcommands they name (any argument equal to a
     * subcommand's name, so that an option value that happens to be one does no harm), or with all of them when
     * they name none or ask for {@code help}, so that usage and "did you mean" still list everything.
     */
    static CommandLine commandLine(Map<String, String> env, String[] args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        List<String> named = SUBCOMMANDS.stream().filter(words::contains).toList();
        return commandLine(env, named.isEmpty() || words.contains("help") ? SUBCOMMANDS : named);
    }

    private static CommandLine commandLine(Map<String, String> env, List<String> subcommands) {
        RetortCommand root = new RetortCommand(env);
        CommandLine cl = new CommandLine(root);
        for (String name : subcommands) {
            cl.addSubcommand(name, new CommandLine(subcommand(name)));
        }
        cl.setExecutionExceptionHandler(new ErrorHandler(root));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        // quiet libraries by default: results go to stdout, progress and errors to stderr
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // picocli otherwise probes for Groovy closures in annotations, booting the Groovy runtime on every command
        System.setProperty("picocli.disable.closures", "true");
        int code = commandLine(System.getenv(), args).execute(args);
        System.exit(code);
    }
}
