package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record DropView(String name, CreateView definition, SourceLocation location) implements Operation {

    public DropView {
        Names.require(name, "view name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new CreateView(d.name(), d.query(), location));
    }

    @Override
    public String describe() {
        return "dropView " + name;
    }
}
