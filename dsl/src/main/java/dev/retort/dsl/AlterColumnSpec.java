package dev.retort.dsl;

import dev.retort.operation.AlterColumn;
import dev.retort.operation.SourceLocation;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

/**
 * The block of {@code alterColumn(table, column)}: the new type, nullability and default, the {@code using} expression
 * for a type change, and {@code previous { }} with what the column was, which makes the change reversible.
 */
public final class AlterColumnSpec extends ColumnStateSpec {

    private String using;
    private ColumnStateSpec previous;

    AlterColumnSpec() {
    }

    public void dropDefault() {
        noDefault();
    }

    /** How to convert existing values for a type change (PostgreSQL {@code USING}); other dialects ignore it. */
    public void using(String expression) {
        this.using = expression;
    }

    /** What the column was before: {@code previous { type INTEGER; nullable true; noDefault() }}. */
    public void previous(@DelegatesTo(value = ColumnStateSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        previousFrom(SpecClosure.call(body, new ColumnStateSpec()));
    }

    void previousFrom(ColumnStateSpec was) {
        previous = was;
    }

    AlterColumn alterColumn(String table, String column, SourceLocation location) {
        ColumnStateSpec was = previous == null ? new ColumnStateSpec() : previous;
        return new AlterColumn(table, column, type, nullable, defaultChange,
                was.type, was.nullable, was.defaultChange, using, location);
    }
}
