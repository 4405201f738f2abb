package dev.retort.testsupport;

import org.opentest4j.TestAbortedException;

/** The outcome of looking for a PostgreSQL server: one was found, or why none was, and what the test must do then. */
public sealed interface PostgresLocation {

    record Found(PostgresEndpoint endpoint) implements PostgresLocation {
    }

    /**
     * @param mustFail true when a missing server is an error (on CI, or when the environment named a server that
     *                 does not answer); false when the tests that need it are skipped
     */
    record Missing(String reason, boolean mustFail) implements PostgresLocation {

        /**
         * The throwable a test that needs PostgreSQL gets: {@link PostgresUnavailableError} fails it,
         * {@link TestAbortedException} makes JUnit 5 and Spock 2 report it as skipped.
         */
        public RuntimeException toThrowable() {
            return mustFail ? new PostgresUnavailableError(reason) : new TestAbortedException(reason);
        }
    }

    /** A test that must not be skipped cannot get its PostgreSQL server. */
    final class PostgresUnavailableError extends IllegalStateException {
        public PostgresUnavailableError(String reason) {
            super(reason);
        }
    }
}
