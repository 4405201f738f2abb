package dev.retort.dsl.compile;

import groovy.lang.GroovySystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiled scripts on disk, keyed by a digest of the script's name and text, the Groovy version and this DSL's
 * version: an unchanged script is compiled once per machine, not once per run. Entries are written to a temporary
 * folder and moved into place, so a concurrent reader sees a whole entry or none. The folder can be deleted at any
 * time; a damaged entry is recompiled.
 */
public final class CompiledScriptCache {

    /** Bump when the compiler's output for the same text changes (customizers, base class). */
    private static final String FORMAT = "retort-dsl-1";
    private static final String MAIN = "main-class";

    /** One script's classes: the script class's name and every generated class's bytes. */
    public record Entry(String mainClass, Map<String, byte[]> classes) {
    }

    private final Path directory;

    public CompiledScriptCache(Path directory) {
        this.directory = directory;
    }

    /** The cache folder, which other caches of the same run share. */
    public Path directory() {
        return directory;
    }

    public static String key(String file, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{FORMAT, GroovySystem.getVersion(), file, text}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public Optional<Entry> get(String key) {
        Path entry = directory.resolve(key);
        Path main = entry.resolve(MAIN);
        if (!Files.isRegularFile(main)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(entry)) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString();
                classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(f));
            }
            String mainClass = Files.readString(main, StandardCharsets.UTF_8).strip();
            return classes.containsKey(mainClass) ? Optional.of(new Entry(mainClass, classes)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a cache that cannot be written only costs time. */
    public void put(String key, Entry entry) {
        try {
            CacheFolder.create(directory);
            Path target = directory.resolve(key);
            if (Files.exists(target)) {
                return;
            }
            Path temporary = Files.createTempDirectory(directory, key + ".tmp");
            for (Map.Entry<String, byte[]> c : entry.classes().entrySet()) {
                Files.write(temporary.resolve(c.getKey() + ".class"), c.getValue());
            }
            Files.writeString(temporary.resolve(MAIN), entry.mainClass(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                deleteQuietly(temporary);
            } catch (IOException e) {
                // another process moved the same entry into place first
                deleteQuietly(temporary);
            }
        } catch (IOException ignored) {
            // read-only or full disk: compile next time again
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
