package dev.retort.dsl;

import dev.retort.operation.ColumnType;
import dev.retort.operation.ColumnType.Kind;
import dev.retort.operation.ReferentialAction;
import dev.retort.operation.SqlValue;

/**
 * The vocabulary every migration script sees without an import (a static star import): column types, referential
 * actions and {@link #expression(String)}. Method names are upper case on purpose, so that {@code VARCHAR(20)} reads
 * like the SQL it stands for.
 */
@SuppressWarnings("checkstyle:MethodName")
public final class Types {

    public static final ColumnType SMALLINT = ColumnType.of(Kind.SMALLINT);
    public static final ColumnType INTEGER = ColumnType.of(Kind.INTEGER);
    public static final ColumnType BIGINT = ColumnType.of(Kind.BIGINT);
    public static final ColumnType BOOLEAN = ColumnType.of(Kind.BOOLEAN);
    public static final ColumnType REAL = ColumnType.of(Kind.REAL);
    public static final ColumnType DOUBLE = ColumnType.of(Kind.DOUBLE);
    public static final ColumnType TEXT = ColumnType.of(Kind.TEXT);
    public static final ColumnType DATE = ColumnType.of(Kind.DATE);
    public static final ColumnType TIME = ColumnType.of(Kind.TIME);
    public static final ColumnType TIMESTAMP = ColumnType.of(Kind.TIMESTAMP);
    public static final ColumnType TIMESTAMP_TZ = ColumnType.of(Kind.TIMESTAMP_TZ);
    /** In scripts a bare {@code UUID} argument means this type, not {@code java.util.UUID}; see the compiler. */
    public static final ColumnType UUID = ColumnType.of(Kind.UUID);
    public static final ColumnType JSON = ColumnType.of(Kind.JSON);
    public static final ColumnType BINARY = ColumnType.of(Kind.BINARY);

    public static final ReferentialAction CASCADE = ReferentialAction.CASCADE;
    public static final ReferentialAction SET_NULL = ReferentialAction.SET_NULL;
    public static final ReferentialAction SET_DEFAULT = ReferentialAction.SET_DEFAULT;
    public static final ReferentialAction RESTRICT = ReferentialAction.RESTRICT;
    public static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;

    private Types() {
    }

    public static ColumnType VARCHAR(int length) {
        return ColumnType.varchar(length);
    }

    public static ColumnType CHAR(int length) {
        return ColumnType.character(length);
    }

    public static ColumnType DECIMAL(int precision, int scale) {
        return ColumnType.decimal(precision, scale);
    }

    /** A database-specific type passed through as written, such as {@code raw('tsvector')}. */
    public static ColumnType raw(String sql) {
        return ColumnType.raw(sql);
    }

    /** SQL used verbatim where a value is expected: {@code defaultValue expression('CURRENT_TIMESTAMP')}. */
    public static SqlValue expression(String sql) {
        return SqlValue.expression(sql);
    }
}
