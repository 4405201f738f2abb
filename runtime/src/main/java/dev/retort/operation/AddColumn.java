package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record AddColumn(String table, ColumnDefinition column, SourceLocation location) implements Operation {

    public AddColumn {
        Names.require(table, "table name");
        java.util.Objects.requireNonNull(column, "column");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(table, column.name(), column, location));
    }

    @Override
    public String describe() {
        return "addColumn " + table + "." + column.name();
    }
}
