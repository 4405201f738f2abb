package dev.retort.dialect.postgresql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlLiteral;
import dev.retort.dialect.StandardSqlRenderer;
import dev.retort.operation.ColumnType;

import java.util.HexFormat;

/**
 * PostgreSQL differs from the standard in type names ({@code TEXT}, {@code JSONB}, {@code BYTEA}) and in binary
 * literals: {@code X'00ff'} is a bit string there, so bytes are written {@code '\x00ff'::bytea}.
 */
public final class PostgresSqlRenderer extends StandardSqlRenderer {

    private static final SqlLiteral LITERALS = new SqlLiteral() {
        @Override
        protected String binary(byte[] bytes) {
            return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
        }
    };

    PostgresSqlRenderer(Dialect dialect) {
        super(dialect);
    }

    /** {@code BINARY} is {@code BYTEA}, which has no length: a length given is not enforced. */
    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> "TEXT";
            case JSON -> "JSONB";
            case BINARY -> "BYTEA";
            default -> super.typeName(type);
        };
    }

    @Override
    protected SqlLiteral literals() {
        return LITERALS;
    }
}
