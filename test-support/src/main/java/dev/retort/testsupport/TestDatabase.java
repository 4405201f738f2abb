package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One isolated database for one test: an H2 in-memory database or a PostgreSQL schema of its own. Both engines give
 * the same value, so a spec can run over {@code DatabaseEngine.values()} in a {@code where:} table.
 * {@link #close()} throws the database away.
 */
public final class TestDatabase implements AutoCloseable {

    /** What throws the database away when the test is done. */
    @FunctionalInterface
    interface Disposal {
        void dispose() throws SQLException;
    }

    private final String engine;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Disposal disposal;
    private boolean closed;

    TestDatabase(String engine, String jdbcUrl, String user, String password, Disposal disposal) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user;
        this.password = password;
        this.disposal = Objects.requireNonNull(disposal, "disposal");
    }

    /** {@code h2} or {@code postgresql}: the name the runtime's dialect uses. */
    public String engine() {
        return engine;
    }

    /** The URL that reaches this database only (for PostgreSQL it carries {@code currentSchema}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new connection, in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public synchronized void close() throws SQLException {
        if (!closed) {
            closed = true;
            disposal.dispose();
        }
    }

    @Override
    public String toString() {
        return engine;
    }
}
