package dev.retort.dsl.compile;

import dev.retort.operation.SourceLocation;
import dev.retort.revision.Revision;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The headers of scripts in folders, remembered between runs with each file's size, modification time and file
 * key, the way git's index remembers what it has hashed: a file whose stamp is unchanged is not read again, so a
 * command over thousands of scripts that runs none of them reads one file instead of thousands. A file modified
 * within {@value #RACY_SECONDS} seconds of the index being written is not remembered (a later edit within the
 * same clock tick could keep its stamp). The index lives in the cache folder, one file per set of script folders
 * (a cache folder shared by projects does not mix them), and holds only the scripts the last run listed, so it
 * never grows with deleted files. It is only a cache: anything wrong with it (missing, truncated, another version)
 * means reading the scripts.
 * <p>
 * An application has no cache folder; its build can ship an index instead ({@link #SHIPPED}, written by
 * {@link Precompiler}), stamped by each script's size and CRC-32, which a jar's directory holds for every entry:
 * a script in a jar whose entry still has them is not parsed at start-up.
 */
final class HeaderIndex {

    private static final int FORMAT = 3;
    /** The class-path resource of a shipped index: an application's scripts with the stamps of their jar entries. */
    static final String SHIPPED = "META-INF/retort/headers.idx";
    private static final long RACY_SECONDS = 2;

    /**
     * What identifies one version of a file without reading it: size, modification time and the file's identity
     * (the hash of its device and inode, so a file replaced by another of the same size and time is seen). For a jar
     * entry, its size and the CRC-32 of its bytes, which the jar's directory gives without reading the entry.
     * Equality is written out: a record's generated one is bootstrapped on first use, a cost every run would pay.
     *
     * @param version  the modification time in nanoseconds since the epoch, or a jar entry's CRC-32
     * @param identity the file key's hash, or {@link #JAR_ENTRY}
     */
    record Stamp(long size, long version, int identity) {

        /** The identity of every jar entry's stamp; a file whose key hashes to it is given another. */
        static final int JAR_ENTRY = Integer.MIN_VALUE;

        static Stamp of(Path file) throws IOException {
            return of(Files.readAttributes(file, BasicFileAttributes.class));
        }

        static Stamp of(BasicFileAttributes attributes) {
            // nanoseconds straight from the file time, without an Instant: the same number, at a stat's cost per file
            long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            Object key = attributes.fileKey();
            int identity = key == null ? 0 : key.hashCode();
            return new Stamp(attributes.size(), modified, identity == JAR_ENTRY ? JAR_ENTRY + 1 : identity);
        }

        /** A jar entry's stamp, or null when its directory does not say (an entry read from a stream). */
        static Stamp ofJarEntry(long size, long crc) {
            return size < 0 || crc < 0 ? null : new Stamp(size, crc, JAR_ENTRY);
        }

        /** The stamp of a jar entry holding these bytes. */
        static Stamp ofJarEntry(byte[] content) {
            CRC32 crc = new CRC32();
            crc.update(content);
            return new Stamp(content.length, crc.getValue(), JAR_ENTRY);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp s && s.size == size && s.version == version && s.identity == identity;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 * 31 + Long.hashCode(version) * 31 + identity;
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

    /** Where the index is kept, for messages. */
    @Override
    public String toString() {
        return file == null ? SHIPPED : file.toString();
    }

    /** @param file where the index is saved; null for a shipped one, which is only read */
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
        try {
            return new HeaderIndex(file, entries(ScriptFile.readFile(file)));
        } catch (FileNotFoundException e) {
            return new HeaderIndex(file, new HashMap<>()); // no index yet
        } catch (IOException | RuntimeException e) {
            return new HeaderIndex(file, new HashMap<>()); // unreadable: start over
        }
    }

    /**
     * The indexes the class path ships ({@link #SHIPPED}), merged: the first one to name a script wins, as the first
     * jar to hold a script does. One that cannot be read is left out; it only makes the start slower.
     */
    static HeaderIndex shipped(ClassLoader classLoader) {
        Map<String, Entry> entries = new HashMap<>();
        try {
            for (URL resource : Collections.list(classLoader.getResources(SHIPPED))) {
                try (InputStream in = resource.openStream()) {
                    entries(in.readAllBytes()).forEach(entries::putIfAbsent);
                } catch (IOException | RuntimeException e) {
                    // this one is damaged: the scripts it names are read instead
                }
            }
        } catch (IOException e) {
            // the class path cannot be searched: every script is read
        }
        return new HeaderIndex(null, entries);
    }

    /** @throws IOException or a runtime exception when the bytes are not an index of this format */
    private static Map<String, Entry> entries(byte[] bytes) throws IOException {
        Reader in = new Reader(bytes);
        Map<String, Entry> entries = new HashMap<>();
        if (in.readInt() != FORMAT) {
            return entries;
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readString();
            Stamp stamp = new Stamp(in.readLong(), in.readLong(), in.readInt());
            Revision revision = new Revision(in.readString(), in.readStrings(), in.readStrings(), in.readStrings(),
                    in.readString(), new SourceLocation(name, in.readInt()), in.readString());
            ScriptHeader header = new ScriptHeader(revision, in.readBoolean());
            // a checksum of another algorithm (an index written by another version) could never match the text
            if (revision.checksum() != null && revision.checksum().startsWith(SourceChecksum.ALGORITHM_TAG)) {
                entries.put(name, new Entry(stamp, header));
            }
        }
        return entries;
    }

    /**
     * Reads what {@link #write(Path, Collection)} wrote (big-endian, as {@link DataOutputStream}) straight from the
     * array: thousands of entries are decoded on every run, mostly before the JIT has compiled anything, and a
     * {@code ByteBuffer}'s checked, scoped accessors cost several calls per number. A truncated index runs off the
     * array, which {@link #in} treats like any other unreadable index.
     */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readInt() {
            byte[] b = bytes;
            int p = position;
            position = p + 4;
            return b[p] << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
        }

        long readLong() {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        boolean readBoolean() {
            return bytes[position++] != 0;
        }

        String readString() throws IOException {
            int length = readInt();
            if (length < 0 || length > bytes.length - position) {
                throw new IOException("damaged index");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        /** Immutable lists, which a {@link Revision} keeps as they are instead of copying. */
        List<String> readStrings() throws IOException {
            int n = readInt();
            if (n < 0 || n > bytes.length - position) {
                throw new IOException("damaged index");
            }
            if (n == 0) {
                return List.of();
            }
            if (n == 1) {
                return List.of(readString());
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = readString();
            }
            return List.of(values);
        }
    }

    /**
     * Writes the index an application ships ({@link #SHIPPED}) under a class-path root: every script with the stamp
     * its jar entry will have (its text is what the entry holds, as UTF-8).
     */
    static void ship(Path root, List<MigrationLoader.Script> scripts) throws IOException {
        Path target = root.resolve(SHIPPED);
        Files.createDirectories(target.getParent());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (MigrationLoader.Script script : scripts) {
            Stamp stamp = Stamp.ofJarEntry(script.text().getBytes(StandardCharsets.UTF_8));
            entries.put(script.header().revision().file(), new Entry(stamp, script.header()));
        }
        write(target, entries.entrySet());
    }

    /** The header remembered for the script of this name, if its file still has this stamp. */
    ScriptHeader get(String name, Stamp stamp) {
        Entry entry = remembered.get(name);
        if (entry != null && entry.stamp().equals(stamp)) {
            if (file != null) {
                current.put(name, entry);
            }
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
        if (file == null || !changed && current.size() == remembered.size()) {
            return;
        }
        long racyFrom = (now.getEpochSecond() - RACY_SECONDS) * 1_000_000_000L;
        List<Map.Entry<String, Entry>> kept = new ArrayList<>();
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            Stamp stamp = e.getValue().stamp();
            // a jar entry's stamp is its content's, which no later edit can keep
            if ((stamp.identity() == Stamp.JAR_ENTRY || stamp.version() < racyFrom) && rememberable(e.getValue().header())) {
                kept.add(e);
            }
        }
        Path temporary = null;
        try {
            CacheFolder.create(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "headers", ".tmp");
            write(temporary, kept);
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

    /** An index file: the format, the count, then each script's name, stamp and header. */
    private static void write(Path target, Collection<Map.Entry<String, Entry>> entries) throws IOException {
        try (OutputStream bytes = Files.newOutputStream(target);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries) {
                write(out, e.getKey(), e.getValue());
            }
        }
    }

    private static void write(DataOutputStream out, String name, Entry entry) throws IOException {
        Revision r = entry.header().revision();
        writeString(out, name);
        out.writeLong(entry.stamp().size());
        out.writeLong(entry.stamp().version());
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
