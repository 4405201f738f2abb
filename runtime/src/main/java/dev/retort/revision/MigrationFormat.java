package dev.retort.revision;

import java.util.List;

/**
 * A way of writing migrations (Groovy scripts, …), found with {@code ServiceLoader.load(MigrationFormat.class, loader)}
 * so that the runtime needs no compile-time dependency on any format.
 */
public interface MigrationFormat {

    /** A short name for configuration and messages, such as {@code groovy}. */
    String name();

    /**
     * The revisions at these locations: folder paths, or {@code classpath:some/dir} resources looked up with
     * {@code classLoader}, which also serves the scripts' own imports.
     *
     * @throws dev.retort.api.RetortException {@code CONFIGURATION} when a location does not exist
     */
    MigrationSource open(List<String> locations, ClassLoader classLoader);

    /**
     * As {@link #open(List, ClassLoader)}, keeping whatever the format compiles in {@code cacheDirectory} between
     * runs (null: no cache). Formats that compile nothing ignore it.
     */
    default MigrationSource open(List<String> locations, ClassLoader classLoader, java.nio.file.Path cacheDirectory) {
        return open(locations, classLoader);
    }
}
