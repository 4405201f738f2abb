package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code DELETE FROM table WHERE col = value AND …}; an empty {@code where} deletes every row. */
public record DeleteRows(String table, Map<String, SqlValue> where, SourceLocation location) implements Operation {

    public DeleteRows {
        Names.require(table, "table name");
        where = where == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(where));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "delete from " + table;
    }
}
