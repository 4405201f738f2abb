package dev.retort.operation;

import java.util.Optional;

/**
 * Changes a column's type, nullability or default. Each aspect is null when unchanged. The {@code previous*}
 * fields say what the column was, which is what a reversal needs; without them only an explicit downgrade can undo.
 *
 * @param using PostgreSQL's {@code USING} expression for a type change, ignored by dialects without it
 */
public record AlterColumn(String table, String column,
                          ColumnType type, Boolean nullable, DefaultChange defaultChange,
                          ColumnType previousType, Boolean previousNullable, DefaultChange previousDefault,
                          String using, SourceLocation location) implements Operation {

    /** A default to set, or {@code null} value to drop the default. */
    public record DefaultChange(SqlValue value) {
        public static DefaultChange drop() {
            return new DefaultChange(null);
        }

        public boolean drops() {
            return value == null;
        }
    }

    public AlterColumn {
        Names.require(table, "table name");
        Names.require(column, "column name");
        if (type == null && nullable == null && defaultChange == null) {
            throw new IllegalArgumentException("alterColumn " + table + "." + column
                    + " changes nothing: give a type, nullable or a default");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        boolean known = (type == null || previousType != null)
                && (nullable == null || previousNullable != null)
                && (defaultChange == null || previousDefault != null);
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(new AlterColumn(table, column,
                type == null ? null : previousType,
                nullable == null ? null : previousNullable,
                defaultChange == null ? null : previousDefault,
                type, nullable, defaultChange, null, location));
    }

    @Override
    public String describe() {
        return "alterColumn " + table + "." + column;
    }
}
