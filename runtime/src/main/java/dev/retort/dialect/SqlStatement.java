package dev.retort.dialect;

import dev.retort.operation.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement, without a terminator; the same text is executed online and printed offline.
 * <p>
 * A statement Retort runs for its own bookkeeping, once per step, may also carry {@link #parameters()}: the same
 * statement with its values as JDBC parameters, so that a connection parses it once rather than once per step. The
 * values are those {@link #sql()} writes inline; only the executing sink uses them.
 */
public record SqlStatement(String sql, SourceLocation location, Parameters parameters) implements Statement {

    /** {@code sql} with a {@code ?} for each of {@code values}, in order. */
    public record Parameters(String sql, List<Object> values) {
        public Parameters {
            Objects.requireNonNull(sql, "sql");
            values = List.copyOf(values);
        }
    }

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        location = location == null ? SourceLocation.UNKNOWN : location;
    }

    public SqlStatement(String sql, SourceLocation location) {
        this(sql, location, null);
    }

    @Override
    public String toString() {
        return sql;
    }
}
