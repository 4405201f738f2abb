package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place tests get PostgreSQL from. Where it comes from is decided once per JVM by
 * {@link PostgresLocator#forThisMachine()}; each test then gets a schema of its own.
 */
public final class PostgresServer {

    private static PostgresLocation location;
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private PostgresServer() {
    }

    /** Where PostgreSQL is (or why there is none), decided on the first call. */
    public static synchronized PostgresLocation location() {
        if (location == null) {
            location = PostgresLocator.forThisMachine().locate();
        }
        return location;
    }

    /**
     * The server to use, or the test ends here: a {@link PostgresLocation.PostgresUnavailableError} fails it (CI, or
     * a configured server that does not answer), a {@code TestAbortedException} skips it. The reason for a skip is
     * printed to stderr once per JVM.
     */
    public static PostgresEndpoint endpoint() {
        return endpointOf(location());
    }

    /** The server of a location, or the throwable that fails or skips the test (see {@link #endpoint()}). */
    public static PostgresEndpoint endpointOf(PostgresLocation location) {
        if (location instanceof PostgresLocation.Found found) {
            return found.endpoint();
        }
        PostgresLocation.Missing missing = (PostgresLocation.Missing) location;
        if (!missing.mustFail() && SKIP_ANNOUNCED.compareAndSet(false, true)) {
            System.err.println("[retort test-support] skipping PostgreSQL tests: " + missing.reason());
        }
        throw missing.toThrowable();
    }

    /**
     * A new, empty schema of its own; the returned database's URL has {@code currentSchema} set to it, and
     * {@code close()} drops it with everything in it.
     */
    public static TestDatabase freshSchema() {
        PostgresEndpoint endpoint = endpoint();
        String schema = "retort_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(endpoint, "CREATE SCHEMA \"" + schema + "\"");
        return new TestDatabase("postgresql", endpoint.urlWith("currentSchema", schema), endpoint.user(),
                endpoint.password(), () -> execute(endpoint, "DROP SCHEMA \"" + schema + "\" CASCADE"));
    }

    private static void execute(PostgresEndpoint endpoint, String sql) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + endpoint + ": " + e.getMessage(), e);
        }
    }
}
