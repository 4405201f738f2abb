package dev.retort.dialect;

/**
 * Everything Retort knows about one kind of database. A new database is a new implementation of this interface
 * (and its renderer), never a branch in shared code.
 *
 * <h2>Identifiers</h2>
 * Every identifier Retort writes is quoted, through {@link #quote(String)} only, so a name can never be read as
 * SQL. The rule ({@link IdentifierCase}): a name written all in lower case ({@code [a-z_][a-z0-9_$]*}) is
 * case-insensitive and is quoted in the case this database folds unquoted names to ({@code "BOOKS"} on H2,
 * {@code "books"} on PostgreSQL), so the author's raw SQL ({@code select * from books}) still finds it. Any other
 * name (mixed case, spaces, quotes, punctuation) is quoted exactly as given with each {@code "} doubled, so
 * {@code a"; drop table x; --} is created as a table with that literal name. Names containing NUL are rejected.
 */
public interface Dialect {

    /** Lower-case name used in configuration and in per-dialect {@code sql} blocks: {@code h2}, {@code postgresql}. */
    String name();

    boolean supports(Capability capability);

    SqlRenderer renderer();

    /** Whether a JDBC URL points at this kind of database. */
    boolean acceptsUrl(String jdbcUrl);

    /**
     * The identifier as this database must see it, always quoted; see the rule above.
     *
     * @throws IllegalArgumentException for an empty name or one containing NUL
     */
    String quote(String identifier);

    /** {@code SELECT cols FROM table}, for Retort's own bookkeeping reads (the version and history tables). */
    default String selectAll(String table, java.util.List<String> columns) {
        return "SELECT " + String.join(", ", columns.stream().map(this::quote).toList()) + " FROM " + quote(table);
    }

    /**
     * A query that returns a row when the table exists in the connection's current schema, under the name
     * {@link #quote(String)} gives it: one round trip, where JDBC metadata takes several (the schema, then a catalog
     * query per spelling) and is the slowest part of a run that finds nothing to do.
     */
    default String tableExists(String table) {
        return "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = "
                + SqlLiteral.STANDARD.of(catalogName(table));
    }

    /** A query that returns a row when the table has a constraint of this name, in the current schema. */
    default String constraintExists(String table, String constraint) {
        return "SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = "
                + SqlLiteral.STANDARD.of(catalogName(table)) + " AND CONSTRAINT_NAME = "
                + SqlLiteral.STANDARD.of(catalogName(constraint));
    }

    /** The name as the catalog stores it: {@link #quote(String)} without its quotes. */
    default String catalogName(String identifier) {
        String quoted = quote(identifier);
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }

    /** {@code SELECT cols FROM table ORDER BY column}. */
    default String selectAll(String table, java.util.List<String> columns, String orderBy) {
        return selectAll(table, columns) + " ORDER BY " + quote(orderBy);
    }

    /**
     * Statements that bound how long each statement of one migration may wait for a lock and run, issued at the
     * start of the migration; empty where the database has no such settings. {@code transactional} says whether
     * they can be scoped to the migration's transaction.
     */
    default java.util.List<SqlStatement> timeouts(dev.retort.execution.Timeouts timeouts, boolean transactional) {
        return java.util.List.of();
    }

    /**
     * An SQL expression for the whole milliseconds since the current transaction began, or null where the dialect
     * has none. With it, a step's history row can be sent before the step has run, in one batch with it (its
     * duration measured by the database), which saves round trips on every step.
     */
    default String millisSinceTransactionStart() {
        return null;
    }

    /** Undoes {@link #timeouts} after a migration that ran outside a transaction (session-level settings). */
    default java.util.List<SqlStatement> resetTimeouts(dev.retort.execution.Timeouts timeouts) {
        return java.util.List.of();
    }

    /**
     * The lock that keeps concurrent migrators apart: a lock table by default; dialects with something that cannot
     * outlive its holder (an advisory lock) override this.
     */
    default dev.retort.lock.MigrationLock lock(dev.retort.execution.ConnectionSource connections, String versionTable,
                                               dev.retort.lock.LockOwner owner) {
        return new dev.retort.lock.TableLock(this, connections, versionTable + "_lock", owner);
    }

    /** Added after each statement in offline scripts. */
    default String statementTerminator() {
        return ";";
    }
}
