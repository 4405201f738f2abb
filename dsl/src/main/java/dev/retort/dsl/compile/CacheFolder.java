package dev.retort.dsl.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where compiled scripts and header indexes are kept ({@code .retort-cache/} by default). It is created
 * in the user's project, usually inside a git work tree, so it ignores itself the way pytest's and mypy's caches do:
 * a {@code .gitignore} of {@code *} inside it, and nobody has to add it to theirs.
 */
final class CacheFolder {

    static final String GITIGNORE = "# Retort's cache of compiled scripts and script headers; delete it any time\n*\n";

    private CacheFolder() {
    }

    /** Creates the folder, with its {@code .gitignore}, when it does not exist yet. */
    static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        try {
            Files.writeString(folder.resolve(".gitignore"), GITIGNORE, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // another process created the folder at the same moment
        }
    }
}
