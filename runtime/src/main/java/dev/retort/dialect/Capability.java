package dev.retort.dialect;

/** What a database can do. Code asks {@code dialect.supports(X)}, never which dialect it has. */
public enum Capability {
    /** DDL takes part in transactions: a failed migration rolls back completely. */
    TRANSACTIONAL_DDL,
    /** {@code CREATE INDEX … WHERE …}. */
    PARTIAL_INDEXES,
    /** {@code ALTER COLUMN … TYPE … USING expr}. */
    ALTER_TYPE_USING,
    /** Session-level advisory locks, released when the connection dies. */
    ADVISORY_LOCKS,
    /** Per-transaction lock and statement timeouts ({@code SET LOCAL lock_timeout}). */
    LOCAL_TIMEOUTS
}
