package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record CreateSequence(String name, Long start, Long increment, SourceLocation location) implements Operation {

    public CreateSequence {
        Names.require(name, "sequence name");
        if (increment != null && increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " cannot increment by 0");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropSequence(name, this, location));
    }

    @Override
    public String describe() {
        return "createSequence " + name;
    }
}
