package dev.retort.api;

import dev.retort.revision.MigrationFormat;
import dev.retort.revision.MigrationSource;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the migration format on the class path, so the runtime needs no compile-time dependency on Groovy. */
final class MigrationFormats {

    private MigrationFormats() {
    }

    static MigrationSource open(List<String> locations, ClassLoader loader, java.nio.file.Path cacheDirectory) {
        List<MigrationFormat> formats = new ArrayList<>();
        ServiceLoader.load(MigrationFormat.class, loader).forEach(formats::add);
        if (formats.isEmpty()) {
            throw new RetortException(ErrorCode.CONFIGURATION, "no migration format on the class path to read "
                    + locations + ": add the dev.retort:retort-dsl dependency (Groovy scripts), or give the"
                    + " configuration a MigrationSource of your own");
        }
        if (formats.size() > 1) {
            throw new RetortException(ErrorCode.CONFIGURATION, "several migration formats on the class path ("
                    + formats.stream().map(MigrationFormat::name).toList() + "); give the configuration a MigrationSource");
        }
        return formats.get(0).open(locations, loader, cacheDirectory);
    }
}
