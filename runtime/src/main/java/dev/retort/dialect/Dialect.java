package dev.retort.dialect;

/**
 * Everything Retort knows about one kind of database. A new database is a new implementation of this interface
 * (and its renderer), never a branch in shared code.
 */
public interface Dialect {

    /** Lower-case name used in configuration and in per-dialect {@code sql} blocks: {@code h2}, {@code postgresql}. */
    String name();

    boolean supports(Capability capability);

    SqlRenderer renderer();

    /** Whether a JDBC URL points at this kind of database. */
    boolean acceptsUrl(String jdbcUrl);

    /** The identifier as this database must see it, always quoted. */
    String quote(String identifier);

    /** {@code SELECT cols FROM table}, for Retort's own bookkeeping reads (the version and history tables). */
    default String selectAll(String table, java.util.List<String> columns) {
        return "SELECT " + String.join(", ", columns.stream().map(this::quote).toList()) + " FROM " + quote(table);
    }

    /** Added after each statement in offline scripts. */
    default String statementTerminator() {
        return ";";
    }
}
