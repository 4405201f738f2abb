package dev.retort.bench.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The Retort scripts as an application ships them, for the embedded runner ({@code retort-api}): staged in a class
 * folder under {@code db/migrations/}, run through the precompiler there (by the caller: the harness starts it as
 * the application's build would), then packed as the application's jar, headers index included.
 */
public final class RetortAppJar {

    /** Where the application configures its scripts. */
    public static final String LOCATION = "classpath:db/migrations";

    private RetortAppJar() {
    }

    /** Copies the scripts into {@code classes/db/migrations/}, replacing what an earlier staging left. */
    public static void stage(Path scripts, Path classes) throws IOException {
        if (Files.exists(classes)) {
            Workspace.deleteTree(classes);
        }
        Path folder = classes.resolve("db/migrations");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path script : files.filter(p -> p.getFileName().toString().endsWith(".groovy")).toList()) {
                Files.copy(script, folder.resolve(script.getFileName()));
            }
        }
    }

    /** Everything under {@code classes} as a jar, folders included, as jar tools write them. */
    public static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream bytes = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(bytes);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                // a classpath: location is found through its folder's entry
                out.putNextEntry(new JarEntry(Files.isDirectory(path) ? name + "/" : name));
                if (Files.isRegularFile(path)) {
                    out.write(Files.readAllBytes(path));
                }
                out.closeEntry();
            }
        }
    }
}
