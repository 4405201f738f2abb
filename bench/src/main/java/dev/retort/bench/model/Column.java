package dev.retort.bench.model;

/**
 * A column of the neutral description.
 *
 * @param primaryKey only the {@code id} column of each table; it is also not null
 * @param notNull    only for columns created with their table (a column added later is nullable, since the table
 *                   may have rows)
 */
public record Column(String name, ColumnType type, boolean primaryKey, boolean notNull) {

    public static Column id() {
        return new Column("id", ColumnType.BIGINT, true, true);
    }

    public Column renamed(String newName) {
        return new Column(newName, type, primaryKey, notNull);
    }
}
