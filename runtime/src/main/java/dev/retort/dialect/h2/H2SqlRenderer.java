package dev.retort.dialect.h2;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.StandardSqlRenderer;
import dev.retort.operation.ColumnType;

/**
 * H2 takes the standard SQL as it is, with one exception: {@code TEXT} becomes {@code CHARACTER VARYING} without a
 * length (H2 gives it its maximum, 1,000,000,000 characters) rather than {@code CHARACTER LARGE OBJECT}, because H2 cannot compare,
 * index or put a unique constraint on a large object, and authors expect to do all three with a text column.
 */
public final class H2SqlRenderer extends StandardSqlRenderer {

    H2SqlRenderer(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String typeName(ColumnType type) {
        return type.kind() == ColumnType.Kind.TEXT ? "CHARACTER VARYING" : super.typeName(type);
    }
}
