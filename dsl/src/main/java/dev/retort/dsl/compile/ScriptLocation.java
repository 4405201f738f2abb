package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where scripts live: a folder ({@code db/migrations}) or a classpath folder ({@code classpath:db/migrations}, in
 * directories or jars). Only the {@code *.groovy} files directly inside count (not subfolders, not hidden files),
 * in file-name order. When a classpath folder exists in several places, a file name seen first wins.
 */
final class ScriptLocation {

    static final String CLASSPATH = "classpath:";
    private static final String EXTENSION = ".groovy";

    private final String location;
    private final ClassLoader classLoader;

    private ScriptLocation(String location, ClassLoader classLoader) {
        this.location = location;
        this.classLoader = classLoader;
    }

    /** @throws RetortException {@code CONFIGURATION} when the location does not exist */
    static ScriptLocation of(String location, ClassLoader classLoader) {
        if (location == null || location.isBlank()) {
            throw new RetortException(ErrorCode.CONFIGURATION, "a migrations location must not be empty");
        }
        ScriptLocation script = new ScriptLocation(location, classLoader);
        boolean exists = script.isClasspath() ? !script.resources().isEmpty() : Files.isDirectory(Path.of(location));
        if (!exists) {
            throw new RetortException(ErrorCode.CONFIGURATION, "migrations location " + location
                    + (script.isClasspath() ? " is not on the classpath" : " is not a folder"));
        }
        return script;
    }

    /** The scripts, sorted by file name. */
    List<ScriptFile> files() {
        return files((name, stamp) -> false);
    }

    /**
     * The scripts, sorted by file name; a jar entry whose header is {@code known} by its name and stamp is listed
     * without being read ({@link ScriptFile#read()} reads it when it must run, {@link ScriptFile#readAll} many).
     */
    List<ScriptFile> files(BiPredicate<String, HeaderIndex.Stamp> known) {
        try {
            if (!isClasspath()) {
                List<ScriptFile> files = new ArrayList<>();
                listFolder(Path.of(location), location, name -> false, (name, file) -> files.add(file));
                return List.copyOf(files);
            }
            TreeMap<String, ScriptFile> byName = new TreeMap<>();
            for (URL resource : resources()) {
                listClasspath(resource, byName, known);
            }
            return List.copyOf(byName.values());
        } catch (IOException e) {
            throw new RetortException(ErrorCode.CONFIGURATION, "cannot list migrations location " + location
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * What tells this location apart from another project's in a shared cache folder: a folder's absolute path; for
     * a classpath folder, the places it resolves to (two applications may both read {@code classpath:db/migrations}).
     */
    String indexKey() {
        if (isClasspath()) {
            StringBuilder key = new StringBuilder(location);
            for (URL resource : resources()) {
                key.append(' ').append(resource);
            }
            return key.toString();
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }

    boolean isClasspath() {
        return location.startsWith(CLASSPATH);
    }

    private String folder() {
        String folder = location.substring(CLASSPATH.length());
        while (folder.startsWith("/")) {
            folder = folder.substring(1);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }

    private List<URL> resources() {
        try {
            Enumeration<URL> found = classLoader.getResources(folder());
            return Collections.list(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listClasspath(URL resource, TreeMap<String, ScriptFile> byName,
                               BiPredicate<String, HeaderIndex.Stamp> known) throws IOException {
        String prefix = CLASSPATH + folder() + "/";
        if ("file".equals(resource.getProtocol())) {
            try {
                listFolder(Path.of(resource.toURI()), prefix, byName::containsKey, byName::put);
            } catch (URISyntaxException e) {
                throw new IOException("bad resource address " + resource, e);
            }
        } else if ("jar".equals(resource.getProtocol())) {
            String entryPrefix = folder().isEmpty() ? "" : folder() + "/";
            try (JarFile jarFile = ScriptFile.openJar(resource)) {
                for (Enumeration<JarEntry> entries = jarFile.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    String fileName = name.startsWith(entryPrefix) ? name.substring(entryPrefix.length()) : null;
                    if (fileName != null && isScript(fileName) && !byName.containsKey(fileName)) {
                        HeaderIndex.Stamp stamp = HeaderIndex.Stamp.ofJarEntry(entry.getSize(), entry.getCrc());
                        if (stamp != null && known.test(prefix + fileName, stamp)) {
                            byName.put(fileName, ScriptFile.inJarUnread(prefix + fileName, stamp, resource, name));
                        } else {
                            // read now, from the jar this listing opened: a jar: URL per entry, uncached, opened the
                            // whole jar again for each script (half a second for a thousand of them)
                            byName.put(fileName, ScriptFile.read(jarFile, entry, prefix + fileName, stamp));
                        }
                    }
                }
            }
        } else {
            throw new IOException("cannot list " + resource + ": only folders and jar files are supported");
        }
    }

    /**
     * The folder's scripts in file-name order, each with the stamp its listing gave, leaving out names already
     * {@code taken}. A link to a file counts as that file (its stamp is the file's). The names come in one call,
     * sorted once, and only what looks like a script is stat'ed: this runs over thousands of files on every command,
     * mostly before the JIT has compiled any of it, and a walker's per-entry events and a sorted map's lookups cost
     * more than the stat.
     */
    private static void listFolder(Path folder, String prefix, Predicate<String> taken,
                                   BiConsumer<String, ScriptFile> add) throws IOException {
        String[] names = folder.toFile().list();
        if (names == null) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder, or it cannot be read");
        }
        Arrays.sort(names);
        String namePrefix = prefix.endsWith("/") || prefix.endsWith(java.io.File.separator) ? prefix : prefix + "/";
        for (String fileName : names) {
            if (!isScript(fileName) || taken.test(fileName)) {
                continue;
            }
            Path file = folder.resolve(fileName);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException vanished) {
                continue; // an entry that vanished while listing, or a link to nothing
            }
            if (attributes.isRegularFile()) {
                add.accept(fileName, ScriptFile.inFolder(namePrefix.concat(fileName), file,
                        HeaderIndex.Stamp.of(attributes)));
            }
        }
    }

    private static boolean isScript(String fileName) {
        return fileName.endsWith(EXTENSION) && !fileName.startsWith(".") && fileName.indexOf('/') < 0
                && fileName.length() > EXTENSION.length();
    }

    @Override
    public String toString() {
        return location;
    }
}
