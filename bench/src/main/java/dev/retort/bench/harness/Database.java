package dev.retort.bench.harness;

import dev.retort.bench.render.Dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

/** One empty database made for one measured run, and dropped after. */
record Database(Dialect dialect, String url, String user, String password, Runnable drop) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A new H2 file database in its own folder under {@code dir}. */
    static Database h2(Path dir, String label) throws IOException {
        Path folder = dir.resolve(label + "-" + COUNTER.incrementAndGet());
        deleteTree(folder);
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
        return new Database(Dialect.H2, url, "sa", "", () -> {
            try {
                deleteTree(folder);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new PostgreSQL database on the server. */
    static Database postgres(Options o) throws SQLException {
        String name = "bench_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(o, "DROP DATABASE IF EXISTS " + name);
        admin(o, "CREATE DATABASE " + name);
        return new Database(Dialect.POSTGRESQL, o.pgUrl + name, o.pgUser, o.pgPassword, () -> {
            try {
                admin(o, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void checkPostgres(Options o) throws SQLException {
        admin(o, "SELECT 1");
    }

    private static void admin(Options o, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(o.pgUrl + o.pgAdminDb, o.pgUser, o.pgPassword);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
