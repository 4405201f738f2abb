package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record DropIndex(String name, String table, CreateIndex definition, SourceLocation location) implements Operation {

    public DropIndex {
        Names.require(name, "index name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new CreateIndex(d.name(), d.table(), d.columns(), d.unique(), d.where(), location));
    }

    @Override
    public String describe() {
        return "dropIndex " + name;
    }
}
