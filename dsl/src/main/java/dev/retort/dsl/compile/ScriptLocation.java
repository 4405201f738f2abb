package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiPredicate;
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
        TreeMap<String, ScriptFile> byName = new TreeMap<>();
        try {
            if (isClasspath()) {
                for (URL resource : resources()) {
                    listClasspath(resource, byName, known);
                }
            } else {
                listFolder(Path.of(location), location, byName);
            }
        } catch (IOException e) {
            throw new RetortException(ErrorCode.CONFIGURATION, "cannot list migrations location " + location
                    + ": " + e.getMessage(), e);
        }
        return List.copyOf(byName.values());
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
                listFolder(Path.of(resource.toURI()), prefix, byName);
            } catch (URISyntaxException e) {
                throw new IOException("bad resource address " + resource, e);
            }
        } else if ("jar".equals(resource.getProtocol())) {
            String entryPrefix = folder().isEmpty() ? "" : folder() + "/";
            try (JarFile jarFile = ScriptFile.openJar(resource)) {
                for (JarEntry entry : Collections.list(jarFile.entries())) {
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

    /** The folder's scripts, each with the stamp its listing gave (one stat a file, which the header index uses). */
    private static void listFolder(Path folder, String prefix, TreeMap<String, ScriptFile> byName) throws IOException {
        String separator = prefix.endsWith("/") || prefix.endsWith(java.io.File.separator) ? "" : "/";
        Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 1,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        String fileName = file.getFileName().toString();
                        if (attributes.isRegularFile() && isScript(fileName)) {
                            byName.putIfAbsent(fileName, ScriptFile.inFolder(prefix + separator + fileName, file,
                                    HeaderIndex.Stamp.of(attributes)));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                        if (file.equals(folder)) {
                            throw failure;
                        }
                        return java.nio.file.FileVisitResult.CONTINUE; // an entry that vanished while listing
                    }
                });
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
