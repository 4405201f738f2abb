package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code DROP COLUMN}; {@code definition} (may be null) is what a reversal re-adds. */
public record DropColumn(String table, String column, ColumnDefinition definition, SourceLocation location) implements Operation {

    public DropColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddColumn(table, d, location));
    }

    @Override
    public String describe() {
        return "dropColumn " + table + "." + column;
    }
}
