package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code CREATE [UNIQUE] INDEX}; {@code where} (may be null) makes a partial index where the dialect has them. */
public record CreateIndex(String name, String table, List<String> columns, boolean unique, String where, SourceLocation location) implements Operation {

    public CreateIndex {
        Names.require(name, "index name");
        Names.require(table, "table name");
        columns = Names.requireAll(columns, "index column");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndex(name, table, this, location));
    }

    @Override
    public String describe() {
        return "createIndex " + name + " on " + table;
    }
}
