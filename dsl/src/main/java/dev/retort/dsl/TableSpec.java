package dev.retort.dsl;

import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.ForeignKeyReference;
import dev.retort.operation.Names;
import dev.retort.operation.SourceLocation;
import dev.retort.operation.TableConstraint;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.NamedParam;
import groovy.transform.NamedParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The block of {@code createTable} (and of {@code dropTable}, where it records what a reversal re-creates): columns,
 * table-level constraints and indexes. Constraints and indexes without a {@code name:} get one from
 * {@link Names#generated}: {@code pk_}, {@code uq_}, {@code ck_}, {@code fk_}, {@code ix_} + table + columns.
 */
public final class TableSpec {

    private final String table;
    private final List<ColumnDefinition> columns = new ArrayList<>();
    private final List<TableConstraint> constraints = new ArrayList<>();
    private final List<IndexDeclaration> indexes = new ArrayList<>();

    private record IndexDeclaration(NamedArguments options, List<String> columns) {
    }

    TableSpec(String table) {
        this.table = table;
    }

    String name() {
        return table;
    }

    public void column(String name, ColumnType type) {
        column(name, type, (Closure<?>) null);
    }

    public void column(String name, ColumnType type,
                       @DelegatesTo(value = ColumnSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        columnFrom(name, type, SpecClosure.<ColumnSpec>body(body));
    }

    /** A column whose block runs as {@code body}, after the name is checked. */
    void columnFrom(String name, ColumnType type, java.util.function.Consumer<ColumnSpec> body) {
        for (ColumnDefinition c : columns) {
            if (c.name().equals(name)) {
                throw new IllegalArgumentException("table " + table + " already has a column " + name);
            }
        }
        ColumnSpec column = new ColumnSpec(name, type);
        if (body != null) {
            body.accept(column);
        }
        columns.add(column.definition());
    }

    /** The primary key over several columns: {@code primaryKey 'tenant_id', 'id'}. */
    public void primaryKey(String... columns) {
        primaryKey(Map.of(), columns);
    }

    public void primaryKey(@NamedParams({@NamedParam(value = "name", type = String.class)}) Map<String, ?> options,
                           String... columns) {
        List<String> cols = List.of(columns);
        constraints.add(new TableConstraint.PrimaryKey(name(options, "primaryKey", "pk", cols), cols));
    }

    public void unique(String... columns) {
        unique(Map.of(), columns);
    }

    public void unique(@NamedParams({@NamedParam(value = "name", type = String.class)}) Map<String, ?> options,
                       String... columns) {
        List<String> cols = List.of(columns);
        constraints.add(new TableConstraint.Unique(name(options, "unique", "uq", cols), cols));
    }

    /** A check constraint named {@code ck_<table>_<expression>}; give it a name with {@code check(name, expr)}. */
    public void check(String expression) {
        constraints.add(new TableConstraint.Check(Names.generated("ck", table, List.of(expression)), expression));
    }

    public void check(String name, String expression) {
        constraints.add(new TableConstraint.Check(name, expression));
    }

    /** {@code foreignKey 'author_id', references: 'authors', columns: ['id'], onDelete: CASCADE}. */
    public void foreignKey(@NamedParams({
            @NamedParam(value = "references", type = String.class, required = true),
            @NamedParam(value = "columns", type = List.class, required = true),
            @NamedParam(value = "onDelete", type = dev.retort.operation.ReferentialAction.class),
            @NamedParam(value = "onUpdate", type = dev.retort.operation.ReferentialAction.class),
            @NamedParam(value = "name", type = String.class)
    }) Map<String, ?> options, String... columns) {
        constraints.add(foreignKey(table, options, List.of(columns)));
    }

    /** An index created right after the table: {@code index 'title'}, {@code index 'a', 'b', unique: true}. */
    public void index(String... columns) {
        index(Map.of(), columns);
    }

    public void index(@NamedParams({
            @NamedParam(value = "name", type = String.class),
            @NamedParam(value = "unique", type = Boolean.class),
            @NamedParam(value = "where", type = String.class)
    }) Map<String, ?> options, String... columns) {
        indexes.add(new IndexDeclaration(new NamedArguments("index", options), List.of(columns)));
    }

    CreateTable createTable(SourceLocation location) {
        long keys = columns.stream().filter(ColumnDefinition::primaryKey).count()
                + constraints.stream().filter(c -> c instanceof TableConstraint.PrimaryKey).count();
        if (keys > 1) {
            throw new IllegalArgumentException("table " + table + " declares more than one primary key;"
                    + " for a key of several columns use primaryKey('a', 'b') once");
        }
        return new CreateTable(table, columns, constraints, location);
    }

    List<CreateIndex> indexes(SourceLocation location) {
        List<CreateIndex> created = new ArrayList<>();
        for (IndexDeclaration index : indexes) {
            NamedArguments args = index.options();
            String name = args.string("name") != null ? args.string("name") : Names.generated("ix", table, index.columns());
            created.add(new CreateIndex(name, table, index.columns(), args.flag("unique"), args.string("where"), location));
        }
        return created;
    }

    static TableConstraint.ForeignKey foreignKey(String table, Map<String, ?> options, List<String> columns) {
        NamedArguments args = new NamedArguments("foreignKey", options);
        List<String> referenced = args.strings("columns");
        if (referenced == null) {
            throw new IllegalArgumentException("foreignKey needs columns: [...] of the referenced table");
        }
        ForeignKeyReference reference = new ForeignKeyReference(args.requiredString("references"), referenced,
                args.action("onDelete"), args.action("onUpdate"));
        String name = args.string("name") != null ? args.string("name") : Names.generated("fk", table, columns);
        return new TableConstraint.ForeignKey(name, columns, reference);
    }

    private String name(Map<String, ?> options, String call, String prefix, List<String> columns) {
        String given = new NamedArguments(call, options).string("name");
        return given != null ? given : Names.generated(prefix, table, columns);
    }
}
