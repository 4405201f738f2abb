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

    /** The default folder's name: a folder so named is Retort's own, even one an older version created. */
    static final String DEFAULT_NAME = ".retort-cache";

    /**
     * Creates the folder with its {@code .gitignore} when it does not exist yet. A folder that exists is left as it is
     * (a shared folder named in {@code RETORT_CACHE_DIR} may hold other things), unless it has the default name and
     * lacks the file, as one made before Retort wrote it does.
     */
    static void create(Path folder) throws IOException {
        boolean existed = Files.isDirectory(folder);
        if (!existed) {
            Files.createDirectories(folder);
        }
        Path ignore = folder.resolve(".gitignore");
        Path name = folder.getFileName();
        if (!existed || name != null && name.toString().equals(DEFAULT_NAME) && !Files.exists(ignore)) {
            try {
                Files.writeString(ignore, GITIGNORE, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another process wrote it at the same moment
            }
        }
    }
}
