package dev.retort.bench.render;

import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Flyway's versioned SQL migrations: {@code V<number>__<slug>.sql}, the floor's statements, one folder per dialect. */
public final class FlywayFiles {

    private FlywayFiles() {
    }

    public static String fileName(Revision r) {
        return "V" + r.number() + "__" + r.slug() + ".sql";
    }

    public static String content(Revision r, Dialect dialect) {
        StringBuilder out = new StringBuilder();
        for (String sql : SqlStatements.of(r.step(), dialect)) {
            out.append(sql).append(";\n");
        }
        return out.toString();
    }

    public static void write(History history, Dialect dialect, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Revision r : history.revisions()) {
            Files.writeString(dir.resolve(fileName(r)), content(r, dialect), StandardCharsets.UTF_8);
        }
    }
}
