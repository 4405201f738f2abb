package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record DropConstraint(String table, String name, TableConstraint definition, SourceLocation location) implements Operation {

    public DropConstraint {
        Names.require(table, "table name");
        Names.require(name, "constraint name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddConstraint(table, d, location));
    }

    @Override
    public String describe() {
        return "dropConstraint " + name + " on " + table;
    }
}
