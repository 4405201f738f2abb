package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record RenameTable(String from, String to, SourceLocation location) implements Operation {

    public RenameTable {
        Names.require(from, "table name");
        Names.require(to, "new table name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameTable(to, from, location));
    }

    @Override
    public String describe() {
        return "renameTable " + from + " to " + to;
    }
}
