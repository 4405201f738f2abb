package dev.retort.operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * A data migration written as code: runs on the migration's own connection, inside its transaction. It has no SQL
 * text, so offline ({@code --sql}) output can only mark where it would run.
 */
public record ExecuteJdbc(String description, Work work, SourceLocation location) implements Operation {

    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    public ExecuteJdbc {
        Objects.requireNonNull(work, "work");
        description = description == null ? "execute block" : description;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return description;
    }
}
