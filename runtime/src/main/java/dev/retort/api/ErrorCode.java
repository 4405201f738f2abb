package dev.retort.api;

/**
 * The kinds of failure a caller can act on, each with the CLI's exit code. Usage errors (bad flags) are 2, as
 * picocli reports them.
 */
public enum ErrorCode {
    /** A check found problems ({@code retort check}, {@code current --check-heads}). */
    CHECK_FAILED(1),
    /** Configuration is missing or contradictory. */
    CONFIGURATION(3),
    /** A migration script does not compile or its header is malformed. */
    SCRIPT(4),
    /** The revision graph is invalid: duplicates, unknown parents, cycles, bad labels. */
    GRAPH(5),
    /** A revision identifier or target cannot be resolved, or is not valid for the command. */
    TARGET(6),
    /** The database cannot be reached or refused the login. */
    CONNECTION(7),
    /** A migration failed while running; the database is at the last good revision. */
    MIGRATION_FAILED(8),
    /** The version table holds something the scripts do not explain. */
    VERSION_TABLE(9),
    /** Another migrator holds the lock and did not release it in time. */
    LOCK(10),
    /** A bug or an unexpected condition in Retort itself. */
    INTERNAL(70);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
