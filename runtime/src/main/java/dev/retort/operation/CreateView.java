package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;


public record CreateView(String name, String query, SourceLocation location) implements Operation {

    public CreateView {
        Names.require(name, "view name");
        Names.require(query, "view query");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropView(name, this, location));
    }

    @Override
    public String describe() {
        return "createView " + name;
    }
}
