package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code DROP TABLE}; {@code definition} (may be null) is what a reversal re-creates. */
public record DropTable(String name, CreateTable definition, SourceLocation location) implements Operation {

    public DropTable {
        Names.require(name, "table name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new CreateTable(d.name(), d.columns(), d.constraints(), location));
    }

    @Override
    public String describe() {
        return "dropTable " + name;
    }
}
