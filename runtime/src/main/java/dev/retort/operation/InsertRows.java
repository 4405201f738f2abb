package dev.retort.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code INSERT} of literal rows. Not reversible: which rows to delete again is a decision for the author. */
public record InsertRows(String table, List<String> columns, List<List<SqlValue>> rows, SourceLocation location) implements Operation {

    public InsertRows {
        Names.require(table, "table name");
        columns = Names.requireAll(columns, "column");
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + " needs at least one row");
        }
        int width = columns.size();
        for (List<SqlValue> row : rows) {
            if (row.size() != width) {
                throw new IllegalArgumentException("insert into " + table + ": a row has " + row.size()
                        + " values for " + width + " columns " + columns);
            }
        }
        rows = rows.stream().map(List::copyOf).toList();
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
        return "insert into " + table + " (" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")";
    }
}
