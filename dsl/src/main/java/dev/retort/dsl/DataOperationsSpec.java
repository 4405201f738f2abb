package dev.retort.dsl;

import dev.retort.operation.DeleteRows;
import dev.retort.operation.ExecuteJdbc;
import dev.retort.operation.InsertRows;
import dev.retort.operation.Operation;
import dev.retort.operation.RawSql;
import dev.retort.operation.SourceLocation;
import dev.retort.operation.SqlValue;
import dev.retort.operation.UpdateRows;
import groovy.lang.Closure;
import groovy.sql.Sql;
import groovy.transform.NamedParam;
import groovy.transform.NamedParams;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data and raw-SQL half of an {@code upgrade}/{@code downgrade}/{@code change} block, and the list every
 * operation of the block goes to, each with the script line that asked for it.
 */
public abstract class DataOperationsSpec {

    private final CallLocator locator;
    private final List<Operation> operations = new ArrayList<>();
    private boolean finished;

    DataOperationsSpec(CallLocator locator) {
        this.locator = locator;
    }

    /** SQL for every dialect. */
    public void sql(String sql) {
        add(at -> RawSql.of(sql, at));
    }

    /** Reversible SQL: {@code sql 'CREATE EXTENSION x', reverse: 'DROP EXTENSION x'}. */
    public void sql(@NamedParams({@NamedParam(value = "reverse", type = Object.class)}) Map<String, ?> options,
                    String sql) {
        sql(options, Map.of(RawSql.ANY_DIALECT, sql));
    }

    /** SQL per dialect: {@code sql postgresql: '…', h2: '…'}; the key {@code any} (or {@code *}) is for the others. */
    public void sql(Map<String, String> sqlByDialect) {
        add(at -> new RawSql(dialects(sqlByDialect), null, at));
    }

    /** SQL per dialect, reversible: {@code sql([postgresql: '…'], reverse: [postgresql: '…'])}. */
    public void sql(@NamedParams({@NamedParam(value = "reverse", type = Object.class)}) Map<String, ?> options,
                    Map<String, String> sqlByDialect) {
        Object reverse = new NamedArguments("sql", options).raw("reverse");
        add(at -> new RawSql(dialects(sqlByDialect), reverse == null ? null : reverseSql(reverse, at), at));
    }

    /** Rows as maps of column to value; every row names the same columns. Not reversible. */
    public void insert(String table, List<? extends Map<String, ?>> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + " needs at least one row");
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        List<List<SqlValue>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            if (!row.keySet().equals(rows.get(0).keySet())) {
                throw new IllegalArgumentException("insert into " + table + ": row " + (i + 1) + " has columns "
                        + row.keySet() + " but row 1 has " + columns + "; every row must name the same columns");
            }
            values.add(columns.stream().map(c -> SqlValue.literal(row.get(c))).toList());
        }
        add(at -> new InsertRows(table, columns, values, at));
    }

    /** {@code update 'books', set: [price: 0], where: [id: 3]}; {@code where: [:]} updates every row. */
    public void update(@NamedParams({
            @NamedParam(value = "set", type = Map.class, required = true),
            @NamedParam(value = "where", type = Map.class, required = true)
    }) Map<String, ?> options, String table) {
        NamedArguments args = new NamedArguments("update " + table, options);
        Map<String, SqlValue> set = values(args.map("set"));
        Map<String, SqlValue> where = values(args.requiredMap("where"));
        add(at -> new UpdateRows(table, set, where, at));
    }

    /** {@code delete 'books', where: [id: 3]}; {@code where: [:]} deletes every row. */
    public void delete(@NamedParams({@NamedParam(value = "where", type = Map.class, required = true)})
                       Map<String, ?> options, String table) {
        Map<String, SqlValue> where = values(new NamedArguments("delete from " + table, options).requiredMap("where"));
        add(at -> new DeleteRows(table, where, at));
    }

    /**
     * Code that runs on the migration's connection, inside its transaction: {@code execute { Sql sql -> … }}. The
     * {@code Sql} wraps the migration's connection; do not close it.
     */
    public void execute(@ClosureParams(value = SimpleType.class, options = "groovy.sql.Sql") Closure<?> work) {
        execute("execute { } block", work);
    }

    public void execute(String description,
                        @ClosureParams(value = SimpleType.class, options = "groovy.sql.Sql") Closure<?> work) {
        add(at -> new ExecuteJdbc(description, connection -> work.call(new Sql(connection)), at));
    }

    /** Records an operation made at the calling script line. */
    final void add(Function<SourceLocation, ? extends Operation> operation) {
        addAll(at -> List.of(operation.apply(at)));
    }

    final void addAll(Function<SourceLocation, List<Operation>> made) {
        if (finished) {
            throw new IllegalStateException("this block has already run: operations cannot be added from inside"
                    + " execute { } (use its Sql parameter) or from code that runs later");
        }
        operations.addAll(made.apply(locator.here()));
    }

    /** The operations, in the order the block asked for them; the block accepts no more. */
    final List<Operation> finish() {
        finished = true;
        return List.copyOf(operations);
    }

    private static Map<String, String> dialects(Map<String, String> sqlByDialect) {
        Map<String, String> byDialect = new LinkedHashMap<>();
        sqlByDialect.forEach((dialect, sql) ->
                byDialect.put("any".equals(dialect) ? RawSql.ANY_DIALECT : dialect, sql));
        return byDialect;
    }

    @SuppressWarnings("unchecked")
    private static RawSql reverseSql(Object reverse, SourceLocation at) {
        if (reverse instanceof CharSequence sql) {
            return RawSql.of(sql.toString(), at);
        }
        if (reverse instanceof Map<?, ?> map) {
            return new RawSql(dialects((Map<String, String>) map), null, at);
        }
        throw new IllegalArgumentException("sql reverse: takes SQL text or a map of dialect to SQL, got " + reverse);
    }

    private static Map<String, SqlValue> values(Map<String, ?> map) {
        Map<String, SqlValue> values = new LinkedHashMap<>();
        map.forEach((column, value) -> values.put(column, SqlValue.literal(value)));
        return values;
    }
}
