package dev.retort.dsl;

import dev.retort.operation.AlterColumn.DefaultChange;
import dev.retort.operation.ColumnType;
import dev.retort.operation.SqlValue;

/**
 * One state of a column for {@code alterColumn}: what it becomes, or inside {@code previous { }} what it was. Each
 * aspect left out is unchanged.
 */
public class ColumnStateSpec {

    ColumnType type;
    Boolean nullable;
    DefaultChange defaultChange;

    ColumnStateSpec() {
    }

    public void type(ColumnType type) {
        this.type = type;
    }

    public void nullable(boolean nullable) {
        this.nullable = nullable;
    }

    /** A literal default, or an {@code expression('…')}. */
    public void defaultValue(Object value) {
        defaultChange = new DefaultChange(SqlValue.literal(value));
    }

    public void defaultExpression(String sql) {
        defaultChange = new DefaultChange(SqlValue.expression(sql));
    }

    /** No default (inside {@code previous { }}: there was none). */
    public void noDefault() {
        defaultChange = DefaultChange.drop();
    }
}
