package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code retort init [DIR]}: a new project folder with a config file and an empty migrations folder. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a project: DIR/retort.properties (an H2 database by default) and DIR/migrations.")
final class InitCommand implements Callable<Integer> {

    static final String TEMPLATE = """
            # Retort project settings. Flags (--url …) win over environment variables (RETORT_URL …),
            # which win over this file. ${projectDir} stands for this folder's absolute path.
            url=jdbc:h2:file:${projectDir}/db/retort
            # user=
            # password=   (better: set RETORT_PASSWORD in the environment)
            migrations=migrations
            # version_table=retort_version
            """;

    @ParentCommand
    RetortCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to create or fill. Default: the project folder (-C) or the current folder.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path base = root.options.project == null ? Path.of("") : root.options.project;
        Path target = (dir == null ? base : base.resolve(dir)).toAbsolutePath().normalize();
        Path config = target.resolve(Settings.FILE_NAME);
        if (Files.exists(config)) {
            throw new RetortException(ErrorCode.CONFIGURATION, config + " already exists; this folder is a project already");
        }
        Files.createDirectories(target.resolve("migrations"));
        Files.writeString(config, TEMPLATE, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("Created " + config + " and " + target.resolve("migrations"));
        spec.commandLine().getOut().println("Next: retort -C " + target + " revision -m \"create first table\"");
        return 0;
    }
}
