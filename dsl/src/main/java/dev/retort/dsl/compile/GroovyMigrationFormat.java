package dev.retort.dsl.compile;

import dev.retort.revision.MigrationFormat;
import dev.retort.revision.MigrationSource;

import java.util.List;

/** Registers Groovy scripts with the runtime through {@code META-INF/services/dev.retort.revision.MigrationFormat}. */
public final class GroovyMigrationFormat implements MigrationFormat {

    @Override
    public String name() {
        return "groovy";
    }

    @Override
    public MigrationSource open(List<String> locations, ClassLoader classLoader) {
        return new GroovyMigrationSource(locations, classLoader);
    }

    @Override
    public MigrationSource open(List<String> locations, ClassLoader classLoader, java.nio.file.Path cacheDirectory) {
        return new GroovyMigrationSource(locations, classLoader,
                cacheDirectory == null ? null : new CompiledScriptCache(cacheDirectory));
    }
}
