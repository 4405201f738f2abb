package dev.retort.dialect;

import dev.retort.operation.ExecuteJdbc;
import dev.retort.operation.SourceLocation;

/** Code from an {@code execute} block; online it runs on the migration's connection, offline it is only announced. */
public record JdbcCallback(String description, ExecuteJdbc.Work work, SourceLocation location) implements Statement {
}
