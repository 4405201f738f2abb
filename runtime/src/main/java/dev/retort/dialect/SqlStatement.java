package dev.retort.dialect;

import dev.retort.operation.SourceLocation;

import java.util.Objects;

/** One SQL statement, without a terminator; the same text is executed online and printed offline. */
public record SqlStatement(String sql, SourceLocation location) implements Statement {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        location = location == null ? SourceLocation.UNKNOWN : location;
    }

    @Override
    public String toString() {
        return sql;
    }
}
