package dev.retort.bench.model;

/**
 * A portable column type of the neutral description. Every renderer maps it to its own tool's spelling.
 *
 * @param kind      the family
 * @param length    for {@link Kind#VARCHAR}
 * @param precision for {@link Kind#DECIMAL}
 * @param scale     for {@link Kind#DECIMAL}
 */
public record ColumnType(Kind kind, int length, int precision, int scale) {

    public enum Kind { BIGINT, INTEGER, VARCHAR, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TEXT }

    public static final ColumnType BIGINT = new ColumnType(Kind.BIGINT, 0, 0, 0);
    public static final ColumnType INTEGER = new ColumnType(Kind.INTEGER, 0, 0, 0);
    public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, 0, 0, 0);
    public static final ColumnType DATE = new ColumnType(Kind.DATE, 0, 0, 0);
    public static final ColumnType TIMESTAMP = new ColumnType(Kind.TIMESTAMP, 0, 0, 0);
    public static final ColumnType TEXT = new ColumnType(Kind.TEXT, 0, 0, 0);

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale);
    }

    /** Whether an index on such a column is portable (Liquibase maps TEXT to a CLOB on H2, which H2 cannot index). */
    public boolean indexable() {
        return kind != Kind.TEXT;
    }
}
