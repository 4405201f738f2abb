package dev.retort.operation;

import java.util.Objects;

/**
 * One column as declared in {@code createTable} or {@code addColumn}.
 *
 * @param defaultValue null when the column has no default
 * @param references   an inline foreign key, null when there is none
 */
public record ColumnDefinition(String name, ColumnType type, boolean nullable, boolean primaryKey, boolean unique,
                               SqlValue defaultValue, boolean identity, ForeignKeyReference references) {

    public ColumnDefinition {
        Names.require(name, "column name");
        Objects.requireNonNull(type, "type of column " + name);
        if (primaryKey) {
            nullable = false;
        }
    }

    public static ColumnDefinition of(String name, ColumnType type) {
        return new ColumnDefinition(name, type, true, false, false, null, false, null);
    }
}
