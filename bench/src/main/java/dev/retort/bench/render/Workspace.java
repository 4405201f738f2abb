package dev.retort.bench.render;

import dev.retort.bench.model.History;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every tool's files for one history, under one folder:
 * {@code retort/}, {@code flyway/<dialect>/}, {@code liquibase/changelog.xml}, {@code raw/<dialect>.sql}; and
 * {@code retort-app.jar} once the harness has built it ({@link RetortAppJar}).
 */
public record Workspace(Path root) {

    public static Workspace write(History history, Path root) throws IOException {
        Workspace w = new Workspace(root);
        if (Files.exists(root)) {
            deleteTree(root);
        }
        RetortDsl.write(history, w.retort());
        for (Dialect d : Dialect.values()) {
            FlywayFiles.write(history, d, w.flyway(d));
            RawScript.write(history, d, root.resolve("raw"));
        }
        LiquibaseChangelog.write(history, w.liquibase());
        return w;
    }

    public Path retort() {
        return root.resolve("retort");
    }

    /** The Retort scripts in an application's jar ({@link RetortAppJar}). */
    public Path retortApp() {
        return root.resolve("retort-app.jar");
    }

    /** The application's class folder that {@link #retortApp()} is packed from. */
    public Path retortAppClasses() {
        return root.resolve("retort-app");
    }

    public Path flyway(Dialect d) {
        return root.resolve("flyway").resolve(d.id());
    }

    public Path liquibase() {
        return root.resolve("liquibase");
    }

    public Path raw(Dialect d) {
        return root.resolve("raw").resolve(d.id() + ".sql");
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
