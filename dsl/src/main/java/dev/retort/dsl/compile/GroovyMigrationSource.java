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
    private final Map<String, MigrationLoader.Script> scriptsByName = new HashMap<>();
    private final Map<String, ScriptFile> filesByName = new HashMap<>();
    private List<Revision> revisions;
    private MigrationLoader loader;
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
            List<ScriptFile> files = new ArrayList<>();
            for (ScriptLocation location : locations) {
                files.addAll(location.files());
            }
            // reading a header costs about a file read, and thousands of them are most of a command that has
            // nothing to do: read them on every core
            HeaderIndex index = cache == null ? null : HeaderIndex.in(cache.directory());
            List<Object> scriptsOrErrors = (files.size() >= PARALLEL_FROM ? files.parallelStream() : files.stream())
                    .map(file -> headerOrError(file, index))
                    .toList();
            List<Revision> read = new ArrayList<>(files.size());
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Object result = scriptsOrErrors.get(i);
                if (result instanceof Read fresh) {
                    index.put(files.get(i).name(), fresh.stamp(), fresh.script().header());
                    result = fresh.script();
                }
                if (result instanceof MigrationLoader.Script script) {
                    read.add(script.header().revision());
                    scriptsByName.put(files.get(i).name(), script);
                    filesByName.put(files.get(i).name(), files.get(i));
                } else {
                    errors.add((String) result);
                }
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

    /** A script read from its file, with the stamp to remember its header by. */
    private record Read(MigrationLoader.Script script, HeaderIndex.Stamp stamp) {
    }

    /**
     * The file's header: from the index when its file is unchanged (a {@link MigrationLoader.Script} without text),
     * else read (a {@link Read} when it should go into the index, a Script otherwise); or the message of what is
     * wrong with its header.
     */
    private Object headerOrError(ScriptFile file, HeaderIndex index) {
        try {
            HeaderIndex.Stamp stamp = index == null ? null : file.stamp();
            ScriptHeader known = stamp == null ? null : index.get(file.name(), stamp);
            if (known != null) {
                return new MigrationLoader.Script(known, null);
            }
            String text = file.read();
            MigrationLoader.Script script = new MigrationLoader.Script(headers.read(file.name(), text), text);
            return stamp == null ? script : new Read(script, stamp);
        } catch (RetortException e) {
            return e.getMessage();
        }
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
     * Compiles the scripts in batches of {@value #BATCH}: one compilation unit per batch resolves the DSL once
     * for all its scripts, while the batch size bounds the memory the syntax trees take.
     */
    @Override
    public synchronized List<Migration> loadAll(List<Revision> wanted) {
        List<Migration> loaded = new ArrayList<>(wanted.size());
        List<MigrationLoader.Script> batch = new ArrayList<>();
        java.util.Set<String> classNames = new java.util.HashSet<>();
        for (Revision revision : wanted) {
            MigrationLoader.Script script = verified(revision);
            String className = java.nio.file.Path.of(revision.file().replace("classpath:", "")).getFileName().toString();
            if (batch.size() == BATCH || !classNames.add(className)) {
                loaded.addAll(loader().loadAll(batch));
                batch.clear();
                classNames.clear();
                classNames.add(className);
            }
            batch.add(script);
        }
        if (!batch.isEmpty()) {
            loaded.addAll(loader().loadAll(batch));
        }
        return loaded;
    }

    private static final int BATCH = 100;

    /**
     * The script as {@link #revisions()} read it; for a header that came from the index, the file is read now and
     * must still declare that header (with that checksum), so what runs is what the plan was made from.
     */
    private MigrationLoader.Script verified(Revision revision) {
        revisions();
        MigrationLoader.Script script = scriptsByName.get(revision.file());
        if (script == null || !script.header().revision().equals(revision)) {
            throw new RetortException(ErrorCode.TARGET, "revision " + revision.id() + " (" + revision.file()
                    + ") is not one of the scripts in " + locations);
        }
        if (script.text() != null) {
            return script;
        }
        ScriptFile file = filesByName.get(revision.file());
        String text = file.read();
        ScriptHeader header = headers.read(file.name(), text);
        if (!header.equals(script.header())) {
            throw new RetortException(ErrorCode.SCRIPT, revision.location() + ": the script changed since its header"
                    + " was read; run the command again");
        }
        return new MigrationLoader.Script(header, text);
    }

    private MigrationLoader loader() {
        if (loader == null) {
            loader = new MigrationLoader(() -> new ScriptCompiler(classLoader, cache), true);
        }
        return loader;
    }
}
