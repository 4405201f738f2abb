package dev.retort.dialect

import dev.retort.dialect.h2.H2Dialect
import dev.retort.dialect.postgresql.PostgresDialect
import dev.retort.operation.ColumnDefinition
import dev.retort.operation.Operation
import dev.retort.operation.ColumnType
import dev.retort.operation.ForeignKeyReference
import dev.retort.operation.ReferentialAction
import dev.retort.operation.SourceLocation
import dev.retort.operation.SqlValue

/** Short builders for operation records in specs. Every operation is made "at" {@link #AT}. */
class Ops {

    static final SourceLocation AT = new SourceLocation('migrations/0007_books.groovy', 12)
    static final Dialect H2 = new H2Dialect()
    static final Dialect PG = new PostgresDialect()

    /** The SQL of every statement the dialect renders for the operation. */
    static List<String> sqlOf(Dialect dialect, Operation op) {
        dialect.renderer().render(op).collect { (it as SqlStatement).sql() }
    }

    /** The SQL of the one statement the dialect renders for the operation. */
    static String oneSql(Dialect dialect, Operation op) {
        def all = sqlOf(dialect, op)
        assert all.size() == 1: "expected one statement, got " + all
        all[0]
    }

    static ColumnType type(ColumnType.Kind kind) {
        ColumnType.of(kind)
    }

    /** A column; options: nullable (default true), pk, unique, default (SqlValue or a literal), identity, references. */
    static ColumnDefinition col(Map options = [:], String name, ColumnType type) {
        def defaultValue = options.default
        new ColumnDefinition(name, type,
                options.containsKey('nullable') ? options.nullable as boolean : true,
                options.pk as boolean, options.unique as boolean,
                defaultValue == null ? null : SqlValue.literal(defaultValue),
                options.identity as boolean, options.references as ForeignKeyReference)
    }

    static ForeignKeyReference refs(String table, List<String> columns,
                                    ReferentialAction onDelete = null, ReferentialAction onUpdate = null) {
        new ForeignKeyReference(table, columns, onDelete, onUpdate)
    }

    static SqlValue lit(Object value) {
        new SqlValue.Literal(value)
    }

    static SqlValue expr(String sql) {
        new SqlValue.Expression(sql)
    }

    /** Values of a map as SqlValues: SqlValues stay, everything else becomes a literal (null too). */
    static Map<String, SqlValue> values(Map<String, ?> map) {
        map.collectEntries { k, v -> [k, v instanceof SqlValue ? v : lit(v)] } as LinkedHashMap<String, SqlValue>
    }

    static List<List<SqlValue>> rows(List<List<?>> rows) {
        rows.collect { row -> row.collect { it instanceof SqlValue ? it : lit(it) } }
    }
}
