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
    private final Map<String, ScriptFile> filesByName = new HashMap<>();
    private List<Revision> revisions;
    private MigrationLoader loader;

    /**
     * @param locations   folders, or {@code classpath:dir} folders, read in this order
     * @param classLoader looks up classpath locations and serves the classes scripts import
     * @throws RetortException {@code CONFIGURATION} when a location does not exist
     */
    public GroovyMigrationSource(List<String> locations, ClassLoader classLoader) {
        this.classLoader = classLoader;
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
            List<Revision> read = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (ScriptLocation location : locations) {
                for (ScriptFile file : location.files()) {
                    try {
                        read.add(headers.read(file.name(), file.read()).revision());
                        filesByName.put(file.name(), file);
                    } catch (RetortException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new RetortException(ErrorCode.SCRIPT, String.join("\n", errors));
            }
            revisions = List.copyOf(read);
        }
        return revisions;
    }

    /**
     * Compiles and runs the revision's script.
     *
     * @throws RetortException {@code SCRIPT} when it does not compile, its blocks fail, or it changed since
     *                         {@link #revisions()} read it
     */
    @Override
    public synchronized Migration load(Revision revision) {
        revisions();
        ScriptFile file = filesByName.get(revision.file());
        if (file == null) {
            throw new RetortException(ErrorCode.TARGET, "revision " + revision.id() + " (" + revision.file()
                    + ") is not one of the scripts in " + locations);
        }
        String text = file.read();
        ScriptHeader header = headers.read(file.name(), text);
        if (!header.revision().equals(revision)) {
            throw new RetortException(ErrorCode.SCRIPT, revision.location() + ": the script changed since its header"
                    + " was read; run the command again");
        }
        if (loader == null) {
            loader = new MigrationLoader(new ScriptCompiler(classLoader));
        }
        return loader.load(header, text);
    }
}
