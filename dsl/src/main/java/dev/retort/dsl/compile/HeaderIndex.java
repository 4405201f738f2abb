package dev.retort.dsl.compile;

import dev.retort.operation.SourceLocation;
import dev.retort.revision.Revision;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of scripts in folders, remembered between runs with each file's size, modification time and file
 * key, the way git's index remembers what it has hashed: a file whose stamp is unchanged is not read again, so a
 * command over thousands of scripts that runs none of them reads one file instead of thousands. A file modified
 * within {@value #RACY_SECONDS} seconds of the index being written is not remembered (a later edit within the
 * same clock tick could keep its stamp). The index lives in the cache folder, one file per set of script folders
 * (a cache folder shared by projects does not mix them), and holds only the scripts the last run listed, so it
 * never grows with deleted files. It is only a cache: anything wrong with it (missing, truncated, another version)
 * means reading the scripts.
 */
final class HeaderIndex {

    private static final int FORMAT = 3;
    private static final long RACY_SECONDS = 2;

    /**
     * What identifies one version of a file without reading it: size, modification time and the file's identity
     * (the hash of its device and inode, so a file replaced by another of the same size and time is seen).
     * Equality is written out: a record's generated one is bootstrapped on first use, a cost every run would pay.
     */
    record Stamp(long size, long modifiedNanos, int identity) {

        static Stamp of(Path file) throws IOException {
            return of(Files.readAttributes(file, BasicFileAttributes.class));
        }

        static Stamp of(BasicFileAttributes attributes) {
            Instant modified = attributes.lastModifiedTime().toInstant();
            Object key = attributes.fileKey();
            return new Stamp(attributes.size(), modified.getEpochSecond() * 1_000_000_000L + modified.getNano(),
                    key == null ? 0 : key.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp s && s.size == size && s.modifiedNanos == modifiedNanos
                    && s.identity == identity;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 * 31 + Long.hashCode(modifiedNanos) * 31 + identity;
        }
    }

    private record Entry(Stamp stamp, ScriptHeader header) {
    }

    private final Path file;
    /** What the index file held, by script name. */
    private final Map<String, Entry> remembered;
    /** What this run listed: looked up and found unchanged, or read. Only these are written back. */
    private final Map<String, Entry> current = new HashMap<>();
    private boolean changed;

    private HeaderIndex(Path file, Map<String, Entry> remembered) {
        this.file = file;
        this.remembered = remembered;
    }

    /** The index file for script locations with these keys ({@link ScriptLocation#indexKey()}), in the cache folder. */
    static Path fileFor(Path cacheDirectory, List<String> locationKeys) {
        return cacheDirectory.resolve("headers-" + Integer.toHexString(String.join("\n", locationKeys).hashCode())
                + ".idx");
    }

    /**
     * The index of these script folders, or an empty one when there is none or it cannot be read. The file is read
     * in one piece and its strings decoded straight from the bytes: thousands of entries are decoded on every run,
     * before anything else can start.
     */
    static HeaderIndex in(Path cacheDirectory, List<String> locationKeys) {
        Path file = fileFor(cacheDirectory, locationKeys);
        Map<String, Entry> entries = new HashMap<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != FORMAT) {
                return new HeaderIndex(file, new HashMap<>());
            }
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                String name = string(in);
                Stamp stamp = new Stamp(in.getLong(), in.getLong(), in.getInt());
                Revision revision = new Revision(string(in), strings(in), strings(in), strings(in), string(in),
                        new SourceLocation(name, in.getInt()), string(in));
                entries.put(name, new Entry(stamp, new ScriptHeader(revision, in.get() != 0)));
            }
        } catch (NoSuchFileException e) {
            // no index yet
        } catch (IOException | RuntimeException e) {
            entries.clear(); // unreadable: start over
        }
        return new HeaderIndex(file, entries);
    }

    /** The header remembered for the script of this name, if its file still has this stamp. */
    ScriptHeader get(String name, Stamp stamp) {
        Entry entry = remembered.get(name);
        if (entry != null && entry.stamp().equals(stamp)) {
            current.put(name, entry);
            return entry.header();
        }
        return null;
    }

    void put(String name, Stamp stamp, ScriptHeader header) {
        current.put(name, new Entry(stamp, header));
        changed = true;
    }

    /**
     * Writes the index if this run read a script or no longer lists one it remembered, leaving out files modified
     * too recently to trust their stamp.
     */
    void save(Instant now) {
        if (!changed && current.size() == remembered.size()) {
            return;
        }
        long racyFrom = (now.getEpochSecond() - RACY_SECONDS) * 1_000_000_000L;
        List<Map.Entry<String, Entry>> kept = new ArrayList<>();
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            if (e.getValue().stamp().modifiedNanos() < racyFrom && rememberable(e.getValue().header())) {
                kept.add(e);
            }
        }
        Path temporary = null;
        try {
            CacheFolder.create(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "headers", ".tmp");
            try (OutputStream bytes = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeInt(kept.size());
                for (Map.Entry<String, Entry> e : kept) {
                    write(out, e.getKey(), e.getValue());
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            changed = false;
            remembered.clear();
            remembered.putAll(current);
        } catch (IOException e) {
            // a cache that cannot be written is only slower next time
            deleteQuietly(temporary);
        }
    }

    private static void write(DataOutputStream out, String name, Entry entry) throws IOException {
        Revision r = entry.header().revision();
        writeString(out, name);
        out.writeLong(entry.stamp().size());
        out.writeLong(entry.stamp().modifiedNanos());
        out.writeInt(entry.stamp().identity());
        writeString(out, r.id());
        writeStrings(out, r.downRevisions());
        writeStrings(out, r.branchLabels());
        writeStrings(out, r.dependsOn());
        writeString(out, r.message());
        out.writeInt(r.location().line());
        writeString(out, r.checksum());
        out.writeBoolean(entry.header().transactional());
    }

    /** Only scripts read from files have a checksum; nothing else is remembered. */
    private static boolean rememberable(ScriptHeader header) {
        return header.revision().checksum() != null;
    }

    /** A string as its length in UTF-8 bytes, then those bytes. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("damaged index");
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static List<String> strings(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("damaged index");
        }
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(string(in));
        }
        return values;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover temporary file in a cache folder
            }
        }
    }
}
