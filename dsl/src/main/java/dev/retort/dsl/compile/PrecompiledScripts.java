package dev.retort.dsl.compile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scripts compiled at build time ({@link Precompiler}) and shipped on the class path, so that an application starts
 * without starting the Groovy compiler. One resource per script, {@code META-INF/retort/compiled/<key>.classes},
 * under the key {@link CompiledScriptCache#key} gives it: a script whose name or text changed, or a different Groovy
 * version, finds no entry and is compiled as usual. Read-only; an unreadable entry is compiled instead.
 */
final class PrecompiledScripts {

    /** Where the entries live, on the class path and under a precompiler's output folder. */
    static final String FOLDER = "META-INF/retort/compiled";
    static final String SUFFIX = ".classes";
    private static final String FORMAT = "retort-precompiled-1";
    /** Bounds what a damaged entry can make us allocate: a script's classes are a few kilobytes. */
    private static final int MAX_CLASSES = 10_000;
    private static final int MAX_CLASS_BYTES = 64 << 20;

    private final ClassLoader classLoader;

    PrecompiledScripts(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The entry for a script's key; empty when there is none or it cannot be read (the script is then compiled). */
    Optional<CompiledScriptCache.Entry> get(String key) {
        InputStream resource = classLoader.getResourceAsStream(FOLDER + "/" + key + SUFFIX);
        if (resource == null) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(resource))) {
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            String mainClass = in.readUTF();
            int count = in.readInt();
            if (count < 1 || count > MAX_CLASSES) {
                return Optional.empty();
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > MAX_CLASS_BYTES) {
                    return Optional.empty();
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            return classes.containsKey(mainClass) ? Optional.of(new CompiledScriptCache.Entry(mainClass, classes))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes one entry under {@code root} (a class-path root, such as {@code target/classes}). */
    static void write(Path root, String key, CompiledScriptCache.Entry entry) throws IOException {
        Path folder = root.resolve(FOLDER);
        Files.createDirectories(folder);
        try (OutputStream file = Files.newOutputStream(folder.resolve(key + SUFFIX));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
            out.writeUTF(FORMAT);
            out.writeUTF(entry.mainClass());
            out.writeInt(entry.classes().size());
            for (Map.Entry<String, byte[]> c : entry.classes().entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
        }
    }

    /** Removes the entries under {@code root}, so that scripts deleted or edited since leave none behind. */
    static void clear(Path root) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path entry : entries) {
                Files.delete(entry);
            }
        }
    }
}
