package dev.retort.dialect.h2;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.StandardSqlRenderer;
import dev.retort.operation.ColumnType;

/**
 * H2 takes the standard SQL as it is, except for two types:
 * <ul>
 *   <li>{@code TEXT} becomes {@code CHARACTER VARYING} without a length (H2 gives it its maximum, 1,000,000,000
 *       characters) rather than {@code CHARACTER LARGE OBJECT}, because H2 cannot compare, index or put a unique
 *       constraint on a large object, and authors expect to do all three with a text column.</li>
 *   <li>{@code TIME} becomes {@code TIME(6)}: H2 follows the standard's default precision of 0 and would drop the
 *       fraction of a second that PostgreSQL's {@code TIME} keeps (and that {@code TIMESTAMP} keeps on both).</li>
 * </ul>
 */
public final class H2SqlRenderer extends StandardSqlRenderer {

    H2SqlRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> "CHARACTER VARYING";
            case TIME -> "TIME(6)";
            default -> super.typeName(type);
        };
    }
}
