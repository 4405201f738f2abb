package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ALTER TABLE … ADD CONSTRAINT}: foreign keys, unique and check constraints, primary keys. */
public record AddConstraint(String table, TableConstraint constraint, SourceLocation location) implements Operation {

    public AddConstraint {
        Names.require(table, "table name");
        java.util.Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropConstraint(table, constraint.name(), constraint, location));
    }

    @Override
    public String describe() {
        return "addConstraint " + constraint.name() + " on " + table;
    }
}
