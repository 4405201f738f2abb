package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code UPDATE table SET … WHERE col = value AND …}; an empty {@code where} updates every row. A null value in {@code where} matches with IS NULL. */
public record UpdateRows(String table, Map<String, SqlValue> set, Map<String, SqlValue> where, SourceLocation location) implements Operation {

    public UpdateRows {
        Names.require(table, "table name");
        if (set == null || set.isEmpty()) {
            throw new IllegalArgumentException("update of " + table + " needs at least one column to set");
        }
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
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
        return "update " + table;
    }
}
