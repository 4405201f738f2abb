package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record DropSequence(String name, CreateSequence definition, SourceLocation location) implements Operation {

    public DropSequence {
        Names.require(name, "sequence name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new CreateSequence(d.name(), d.start(), d.increment(), location));
    }

    @Override
    public String describe() {
        return "dropSequence " + name;
    }
}
