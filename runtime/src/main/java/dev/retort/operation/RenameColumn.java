package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record RenameColumn(String table, String from, String to, SourceLocation location) implements Operation {

    public RenameColumn {
        Names.require(table, "table name");
        Names.require(from, "column name");
        Names.require(to, "new column name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameColumn(table, to, from, location));
    }

    @Override
    public String describe() {
        return "renameColumn " + table + "." + from + " to " + to;
    }
}
