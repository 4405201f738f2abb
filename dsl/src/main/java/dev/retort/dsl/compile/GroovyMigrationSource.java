package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.revision.Migration;
import dev.retort.revision.MigrationSource;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Revisions written as Groovy scripts, one per {@code .groovy} file, in folders or on the classpath (see
 * {@link ScriptLocation}). {@link #revisions()} reads headers only; {@link #load(Revision)} compiles and runs the one
 * script. Scripts are listed once, on the first call to {@link #revisions()}.
 */
public final class GroovyMigrationSource implements MigrationSource {

    private final List<ScriptLocation> locations = new ArrayList<>();
    private final ClassLoader classLoader;
    private final HeaderReader headers = new HeaderReader();
    /** Every script as read for its header: the same text is what loads, so a later edit cannot slip in between. */
    private final Map<String, Entry> scriptsByName = new HashMap<>();
    private List<Revision> revisions;
    private MigrationLoader loader;
    private ScriptCompiler compiler;
    private final CompiledScriptCache cache;

    /**
     * @param locations   folders, or {@code classpath:dir} folders, read in this order
     * @param classLoader looks up classpath locations and serves the classes scripts import
     * @throws RetortException {@code CONFIGURATION} when a location does not exist
     */
    public GroovyMigrationSource(List<String> locations, ClassLoader classLoader) {
        this(locations, classLoader, null);
    }

    /** @param cache keeps compiled scripts between runs; null to compile every time */
    public GroovyMigrationSource(List<String> locations, ClassLoader classLoader, CompiledScriptCache cache) {
        this.classLoader = classLoader;
        this.cache = cache;
        for (String location : locations) {
            this.locations.add(ScriptLocation.of(location, classLoader));
        }
    }

    /**
     * Every script's revision, location by location, each in file-name order.
     *
     * @throws RetortException {@code SCRIPT} listing every header error (one per line)
     */
    @Override
    public synchronized List<Revision> revisions() {
        if (revisions == null) {
            HeaderIndex index = cache == null ? null : HeaderIndex.in(cache.directory(), indexKeys());
            // the headers an application's build wrote for the scripts in its jars (Precompiler)
            HeaderIndex shipped = onClasspath() ? HeaderIndex.shipped(classLoader) : null;
            List<ScriptFile> files = new ArrayList<>();
            for (ScriptLocation location : locations) {
                // a jar entry whose header is known is not even read (it is when it must run)
                files.addAll(location.files((name, stamp) -> indexed(name, stamp, index, shipped) != null));
            }
            List<Entry> entries = new ArrayList<>(files.size());
            List<Integer> unknown = new ArrayList<>();
            for (ScriptFile file : files) {
                Indexed known = indexed(file.name(), file.stamp(), index, shipped);
                entries.add(known == null ? null : new Entry(file, known.header(), null, null, known.index()));
                if (known == null) {
                    unknown.add(entries.size() - 1);
                }
            }
            // reading a header costs about a file read, and thousands of them are most of a command that has
            // nothing to do: read them on every core
            (unknown.size() >= PARALLEL_FROM ? unknown.parallelStream() : unknown.stream())
                    .forEach(i -> entries.set(i, read(files.get(i))));
            List<Revision> read = new ArrayList<>(files.size());
            List<String> errors = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.error() != null) {
                    errors.add(entry.error());
                    continue;
                }
                if (index != null && entry.text() != null && entry.file().stamp() != null) {
                    index.put(entry.file().name(), entry.file().stamp(), entry.header());
                }
                read.add(entry.header().revision());
                scriptsByName.put(entry.file().name(), entry);
            }
            if (index != null) {
                index.save(java.time.Instant.now());
            }
            if (!errors.isEmpty()) {
                throw new RetortException(ErrorCode.SCRIPT, String.join("\n", errors));
            }
            revisions = List.copyOf(read);
        }
        return revisions;
    }

    private static final int PARALLEL_FROM = 64;

    /** A header an index knows, and that index, for messages. */
    private record Indexed(ScriptHeader header, String index) {
    }

    /** The header the first of these indexes (either may be null) knows for the script with this stamp, or null. */
    private static Indexed indexed(String name, HeaderIndex.Stamp stamp, HeaderIndex... indexes) {
        for (HeaderIndex index : indexes) {
            ScriptHeader header = index == null || stamp == null ? null : index.get(name, stamp);
            if (header != null) {
                return new Indexed(header, index.toString());
            }
        }
        return null;
    }

    private boolean onClasspath() {
        return locations.stream().anyMatch(ScriptLocation::isClasspath);
    }

    /**
     * One script file after reading its header: the header with the file's text, or with a null text when the
     * header came from an index (unchanged file, not read; {@code indexedIn} names the index); or the message of
     * what is wrong with it.
     */
    private record Entry(ScriptFile file, ScriptHeader header, String text, String error, String indexedIn) {
    }

    private Entry read(ScriptFile file) {
        try {
            String text = file.read();
            // the text is kept; a jar entry's bytes would only double it
            return new Entry(file.withoutContent(), headers.read(file.name(), text), text, null, null);
        } catch (RetortException e) {
            return new Entry(file, null, null, e.getMessage(), null);
        }
    }

    private List<String> indexKeys() {
        List<String> keys = new ArrayList<>(locations.size());
        for (ScriptLocation location : locations) {
            keys.add(location.indexKey());
        }
        return keys;
    }

    /**
     * Compiles and runs the revision's script.
     *
     * @throws RetortException {@code SCRIPT} when it does not compile, its blocks fail, or it changed since
     *                         {@link #revisions()} read it
     */
    @Override
    public synchronized Migration load(Revision revision) {
        MigrationLoader.Script script = verified(revision);
        return loader().load(script.header(), script.text());
    }

    /**
     * Compiles the scripts that need it in batches ({@link MigrationLoader#batches}): one compilation unit per batch
     * resolves the DSL once for all its scripts, while the batch size bounds the memory the syntax trees take. Every
     * script is first checked against the header that was read for it, so a script that changed since is reported
     * before any compile error.
     */
    @Override
    public synchronized List<Migration> loadAll(List<Revision> wanted) {
        Map<String, ScriptFile> read = readUnread(wanted);
        List<MigrationLoader.Script> scripts = new ArrayList<>(wanted.size());
        for (Revision revision : wanted) {
            scripts.add(verified(revision, read));
        }
        List<Migration> loaded = new ArrayList<>(wanted.size());
        for (List<MigrationLoader.Script> batch : MigrationLoader.batches(scripts)) {
            loaded.addAll(loader().loadAll(batch));
        }
        return loaded;
    }

    /**
     * The wanted scripts that were listed unread from jars, read now, each jar opened once, by name. Only for the
     * call that asked: the listing keeps no bytes, and a failed read is tried again by the next call.
     */
    private Map<String, ScriptFile> readUnread(List<Revision> wanted) {
        revisions();
        List<ScriptFile> unread = new ArrayList<>();
        for (Revision revision : wanted) {
            Entry entry = scriptsByName.get(revision.file());
            if (entry != null && entry.file().unread() != null) {
                unread.add(entry.file());
            }
        }
        Map<String, ScriptFile> read = new HashMap<>();
        for (ScriptFile file : ScriptFile.readAll(unread)) {
            read.put(file.name(), file);
        }
        return read;
    }

    /** Every script with the header {@link #revisions()} read and its text, in that order (for {@link Precompiler}). */
    synchronized List<MigrationLoader.Script> scripts() {
        Map<String, ScriptFile> read = readUnread(revisions());
        List<MigrationLoader.Script> scripts = new ArrayList<>();
        for (Revision revision : revisions()) {
            scripts.add(verified(revision, read));
        }
        return scripts;
    }

    /**
     * The script as {@link #revisions()} read it; for a header that came from the index, the file is read now and
     * must still have the checksum that header was read with, so what runs is what the plan was made from.
     */
    private MigrationLoader.Script verified(Revision revision) {
        revisions();
        return verified(revision, Map.of());
    }

    /** @param read jar entries listed unread and read since, by name ({@link #readUnread}) */
    private MigrationLoader.Script verified(Revision revision, Map<String, ScriptFile> read) {
        Entry entry = scriptsByName.get(revision.file());
        // a plan's revisions are this source's own objects; equals (of a record, costly in a cold JVM) only for
        // a revision that was built elsewhere
        if (entry == null || entry.header().revision() != revision && !entry.header().revision().equals(revision)) {
            throw new RetortException(ErrorCode.TARGET, "revision " + revision.id() + " (" + revision.file()
                    + ") is not one of the scripts in " + locations);
        }
        if (entry.text() != null) {
            return new MigrationLoader.Script(entry.header(), entry.text());
        }
        String text = read.getOrDefault(entry.file().name(), entry.file()).read();
        // the checksum covers the whole text, header included: the same checksum is the same text up to whitespace
        // at line ends, so the header need not be parsed again (a thousand headers' worth of lexing on every first
        // upgrade); the loader compares it with what the script declares in any case
        if (!SourceChecksum.of(text).equals(entry.header().revision().checksum())) {
            if (entry.file().path() == null) {
                // a jar entry has the size and CRC-32 it was listed with (it is read only if it still does): the
                // index is wrong about it
                throw new RetortException(ErrorCode.SCRIPT, revision.location() + ": the script does not match its"
                        + " header in " + entry.indexedIn() + "; build the application again (or delete that index)");
            }
            throw new RetortException(ErrorCode.SCRIPT, revision.location() + ": the script changed since its header"
                    + " was read; run the command again");
        }
        return new MigrationLoader.Script(entry.header(), text);
    }

    private MigrationLoader loader() {
        if (loader == null) {
            loader = new MigrationLoader(() -> {
                compiler = new ScriptCompiler(classLoader, cache);
                return compiler;
            }, true);
        }
        return loader;
    }

    /**
     * How many scripts this source has compiled with Groovy so far: those it loaded that are not literal and were
     * neither {@linkplain Precompiler precompiled} nor in the cache. An application that precompiles its migrations
     * can check that this stays 0 in a test that opens its locations with this class.
     */
    public synchronized int compiledWithGroovy() {
        return compiler == null ? 0 : compiler.compiledCount();
    }
}
