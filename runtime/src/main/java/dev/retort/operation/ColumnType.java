package dev.retort.operation;

import java.util.Objects;

/**
 * A portable column type. Each dialect maps a {@link Kind} to its own spelling; {@link Kind#RAW} passes a
 * database-specific type through untouched as an escape hatch.
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, String raw) {

    public enum Kind {
        SMALLINT, INTEGER, BIGINT, BOOLEAN, DECIMAL, REAL, DOUBLE,
        CHAR, VARCHAR, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, JSON, BINARY, RAW
    }

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RAW && (raw == null || raw.isBlank())) {
            throw new IllegalArgumentException("a raw column type needs its SQL spelling");
        }
        if ((kind == Kind.VARCHAR || kind == Kind.CHAR) && length != null && length <= 0) {
            throw new IllegalArgumentException(kind + " length must be positive, got " + length);
        }
        if (kind == Kind.DECIMAL && precision != null && (precision <= 0 || (scale != null && (scale < 0 || scale > precision)))) {
            throw new IllegalArgumentException("DECIMAL(" + precision + "," + scale + ") needs 0 < precision and 0 <= scale <= precision");
        }
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null, null);
    }

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, null, null, null);
    }

    public static ColumnType character(int length) {
        return new ColumnType(Kind.CHAR, length, null, null, null);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, null, precision, scale, null);
    }

    public static ColumnType raw(String sql) {
        return new ColumnType(Kind.RAW, null, null, null, sql);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RAW -> raw;
            case VARCHAR, CHAR -> length == null ? kind.name() : kind + "(" + length + ")";
            case DECIMAL -> precision == null ? "DECIMAL" : "DECIMAL(" + precision + "," + (scale == null ? 0 : scale) + ")";
            default -> kind.name();
        };
    }
}
