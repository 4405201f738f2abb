package dev.retort.dsl;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.Names;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
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
 * What an {@code upgrade { }}, {@code downgrade { }} or {@code change { }} block can do. Each call records one or more
 * operations with the line of the call.
 */
public final class OperationsSpec extends DataOperationsSpec {

    public OperationsSpec(CallLocator locator) {
        super(locator);
    }

    /** A table, then the indexes its block declares. */
    public void createTable(String name,
                            @DelegatesTo(value = TableSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        createTableFrom(SpecClosure.call(body, new TableSpec(name)));
    }

    /** The table a block (or the literal reader) declared. */
    void createTableFrom(TableSpec table) {
        addAll(at -> {
            List<Operation> operations = new ArrayList<>();
            operations.add(table.createTable(at));
            operations.addAll(table.indexes(at));
            return operations;
        });
    }

    /** Drops a table; not reversible (use the form with a block). */
    public void dropTable(String name) {
        add(at -> new DropTable(name, null, at));
    }

    /** Drops a table whose block says what it was, so that reversing re-creates it (and its indexes). */
    public void dropTable(String name,
                          @DelegatesTo(value = TableSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        dropTableFrom(SpecClosure.call(body, new TableSpec(name)));
    }

    void dropTableFrom(TableSpec table) {
        String name = table.name();
        addAll(at -> {
            List<Operation> operations = new ArrayList<>();
            table.indexes(at).forEach(index -> operations.add(new DropIndex(index.name(), name, index, at)));
            operations.add(new DropTable(name, table.createTable(at), at));
            return operations;
        });
    }

    public void renameTable(String from, String to) {
        add(at -> new RenameTable(from, to, at));
    }

    public void addColumn(String table, String column, ColumnType type) {
        addColumn(table, column, type, null);
    }

    public void addColumn(String table, String column, ColumnType type,
                          @DelegatesTo(value = ColumnSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        addColumnFrom(table, SpecClosure.call(body, new ColumnSpec(column, type)));
    }

    void addColumnFrom(String table, ColumnSpec column) {
        ColumnDefinition definition = column.definition();
        add(at -> new AddColumn(table, definition, at));
    }

    /** Drops a column; not reversible (give its type, and block, to make it so). */
    public void dropColumn(String table, String column) {
        add(at -> new DropColumn(table, column, null, at));
    }

    public void dropColumn(String table, String column, ColumnType type) {
        dropColumn(table, column, type, null);
    }

    public void dropColumn(String table, String column, ColumnType type,
                           @DelegatesTo(value = ColumnSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        dropColumnFrom(table, SpecClosure.call(body, new ColumnSpec(column, type)));
    }

    void dropColumnFrom(String table, ColumnSpec column) {
        ColumnDefinition definition = column.definition();
        add(at -> new DropColumn(table, definition.name(), definition, at));
    }

    public void renameColumn(String table, String from, String to) {
        add(at -> new RenameColumn(table, from, to, at));
    }

    /** {@code alterColumn('books', 'title') { type VARCHAR(300); previous { type VARCHAR(200) } }}. */
    public void alterColumn(String table, String column,
                            @DelegatesTo(value = AlterColumnSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        alterColumnFrom(table, column, SpecClosure.call(body, new AlterColumnSpec()));
    }

    void alterColumnFrom(String table, String column, AlterColumnSpec spec) {
        add(at -> spec.alterColumn(table, column, at));
    }

    public void createIndex(String name, String table, String... columns) {
        createIndex(Map.of(), name, table, columns);
    }

    /** {@code createIndex 'ix_books_title', 'books', 'title', unique: true, where: 'title IS NOT NULL'}. */
    public void createIndex(@NamedParams({
            @NamedParam(value = "unique", type = Boolean.class),
            @NamedParam(value = "where", type = String.class)
    }) Map<String, ?> options, String name, String table, String... columns) {
        add(at -> index(options, name, table, columns, at));
    }

    /** Drops an index; not reversible. */
    public void dropIndex(String name) {
        add(at -> new DropIndex(name, null, null, at));
    }

    /** Drops an index of a table; with its columns (and options) it is reversible. */
    public void dropIndex(String name, String table, String... columns) {
        dropIndex(Map.of(), name, table, columns);
    }

    public void dropIndex(@NamedParams({
            @NamedParam(value = "unique", type = Boolean.class),
            @NamedParam(value = "where", type = String.class)
    }) Map<String, ?> options, String name, String table, String... columns) {
        add(at -> new DropIndex(name, table, columns.length == 0 ? null : index(options, name, table, columns, at), at));
    }

    public void addPrimaryKey(String table, String... columns) {
        addPrimaryKey(Map.of(), table, columns);
    }

    public void addPrimaryKey(@NamedParams({@NamedParam(value = "name", type = String.class)}) Map<String, ?> options,
                              String table, String... columns) {
        List<String> cols = List.of(columns);
        String name = named(options, "addPrimaryKey", "pk", table, cols);
        add(at -> new AddConstraint(table, new TableConstraint.PrimaryKey(name, cols), at));
    }

    public void addUniqueConstraint(String table, String... columns) {
        addUniqueConstraint(Map.of(), table, columns);
    }

    public void addUniqueConstraint(@NamedParams({@NamedParam(value = "name", type = String.class)})
                                    Map<String, ?> options, String table, String... columns) {
        List<String> cols = List.of(columns);
        String name = named(options, "addUniqueConstraint", "uq", table, cols);
        add(at -> new AddConstraint(table, new TableConstraint.Unique(name, cols), at));
    }

    /** A check constraint named {@code ck_<table>_<expression>}. */
    public void addCheckConstraint(String table, String expression) {
        addCheckConstraint(table, Names.generated("ck", table, List.of(expression)), expression);
    }

    public void addCheckConstraint(String table, String name, String expression) {
        add(at -> new AddConstraint(table, new TableConstraint.Check(name, expression), at));
    }

    /** {@code addForeignKey 'books', 'author_id', references: 'authors', columns: ['id'], onDelete: CASCADE}. */
    public void addForeignKey(@NamedParams({
            @NamedParam(value = "references", type = String.class, required = true),
            @NamedParam(value = "columns", type = List.class, required = true),
            @NamedParam(value = "onDelete", type = dev.retort.operation.ReferentialAction.class),
            @NamedParam(value = "onUpdate", type = dev.retort.operation.ReferentialAction.class),
            @NamedParam(value = "name", type = String.class)
    }) Map<String, ?> options, String table, String... columns) {
        TableConstraint.ForeignKey key = TableSpec.foreignKey(table, options, List.of(columns));
        add(at -> new AddConstraint(table, key, at));
    }

    /** Drops a constraint by name; not reversible. */
    public void dropConstraint(String table, String name) {
        add(at -> new DropConstraint(table, name, null, at));
    }

    public void createSequence(String name) {
        add(at -> new CreateSequence(name, null, null, at));
    }

    public void createSequence(String name, long start, long increment) {
        add(at -> new CreateSequence(name, start, increment, at));
    }

    /** Drops a sequence; not reversible (give its start and increment to make it so). */
    public void dropSequence(String name) {
        add(at -> new DropSequence(name, null, at));
    }

    public void dropSequence(String name, long start, long increment) {
        add(at -> new DropSequence(name, new CreateSequence(name, start, increment, at), at));
    }

    public void createView(String name, String query) {
        add(at -> new CreateView(name, query, at));
    }

    /** Drops a view; not reversible (give its query to make it so). */
    public void dropView(String name) {
        add(at -> new DropView(name, null, at));
    }

    public void dropView(String name, String query) {
        add(at -> new DropView(name, new CreateView(name, query, at), at));
    }

    private static CreateIndex index(Map<String, ?> options, String name, String table, String[] columns,
                                     SourceLocation at) {
        NamedArguments args = new NamedArguments("createIndex", options);
        return new CreateIndex(name, table, List.of(columns), args.flag("unique"), args.string("where"), at);
    }

    private static String named(Map<String, ?> options, String call, String prefix, String table, List<String> cols) {
        String given = new NamedArguments(call, options).string("name");
        return given != null ? given : Names.generated(prefix, table, cols);
    }
}
