package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh H2 in-memory databases, each with a name of its own so tests never see each other's tables. */
public final class H2Databases {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String USER = "sa";
    private static final String PASSWORD = "";

    private H2Databases() {
    }

    /**
     * A new, empty in-memory database that lives until {@link TestDatabase#close()} ({@code DB_CLOSE_DELAY=-1} keeps
     * it alive between connections; close shuts it down).
     */
    public static TestDatabase fresh() {
        String name = "retort_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase("h2", url, USER, PASSWORD, () -> {
            try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    /**
     * A new, empty file database in {@code directory} (which the caller deletes), opened with {@code AUTO_SERVER=TRUE}
     * so that connections from other processes share it too; close shuts it down and leaves the files.
     */
    public static TestDatabase inDirectory(java.nio.file.Path directory) {
        String name = "retort_" + COUNTER.incrementAndGet();
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + ";AUTO_SERVER=TRUE";
        return new TestDatabase("h2", url, USER, PASSWORD, () -> {
            try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }
}
