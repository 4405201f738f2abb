package dev.retort.dsl;

import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.ForeignKeyReference;
import dev.retort.operation.SqlValue;
import groovy.transform.NamedParam;
import groovy.transform.NamedParams;

import java.util.List;
import java.util.Map;

/**
 * The block of one column: {@code column('id', BIGINT) { primaryKey() }}. A column is nullable unless it is
 * {@code notNull()} or part of the primary key. Column-level constraints stay on the column definition; the dialect
 * names them with {@link dev.retort.operation.Names#generated}.
 */
public final class ColumnSpec {

    private final String name;
    private final ColumnType type;
    private boolean nullable = true;
    private boolean primaryKey;
    private boolean unique;
    private boolean identity;
    private SqlValue defaultValue;
    private ForeignKeyReference references;

    ColumnSpec(String name, ColumnType type) {
        this.name = name;
        this.type = type;
    }

    /** Makes this column the primary key (and not null); for a key of several columns use the table's primaryKey. */
    public void primaryKey() {
        primaryKey = true;
    }

    public void notNull() {
        nullable = false;
    }

    public void unique() {
        unique = true;
    }

    /**
     * Values come from the database: an identity (auto-increment) column. Scripts write {@code identity()}; the
     * compiler rewrites that call to this method, because inside a closure Groovy would otherwise dispatch it to its
     * own {@code Object.identity(Closure)}. {@code autoIncrement()} is accepted as well.
     */
    public void autoIncrement() {
        identity = true;
    }

    /** A literal default (String, number, boolean, java.time value, UUID, byte[]) or an {@code expression('…')}. */
    public void defaultValue(Object value) {
        defaultValue = SqlValue.literal(value);
    }

    /** A default written in SQL, such as {@code CURRENT_TIMESTAMP}. */
    public void defaultExpression(String sql) {
        defaultValue = SqlValue.expression(sql);
    }

    /** An inline foreign key to {@code table(column)}. */
    public void references(String table, String column) {
        references(Map.of(), table, column);
    }

    /** An inline foreign key with actions: {@code references 'authors', 'id', onDelete: CASCADE}. */
    public void references(@NamedParams({
            @NamedParam(value = "onDelete", type = dev.retort.operation.ReferentialAction.class),
            @NamedParam(value = "onUpdate", type = dev.retort.operation.ReferentialAction.class)
    }) Map<String, ?> options, String table, String column) {
        NamedArguments args = new NamedArguments("references", options);
        references = new ForeignKeyReference(table, List.of(column), args.action("onDelete"), args.action("onUpdate"));
    }

    ColumnDefinition definition() {
        return new ColumnDefinition(name, type, nullable, primaryKey, unique, defaultValue, identity, references);
    }
}
