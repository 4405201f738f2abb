package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code CREATE TABLE} with its columns and named constraints. */
public record CreateTable(String name, List<ColumnDefinition> columns, List<TableConstraint> constraints, SourceLocation location) implements Operation {

    public CreateTable {
        Names.require(name, "table name");
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " needs at least one column");
        }
        columns = List.copyOf(columns);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(name, this, location));
    }

    @Override
    public String describe() {
        return "createTable " + name;
    }
}
