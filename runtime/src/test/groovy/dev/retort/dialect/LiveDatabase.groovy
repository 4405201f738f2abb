package dev.retort.dialect

import dev.retort.operation.Operation
import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase

import java.sql.Connection

/**
 * A fresh database of one engine, its dialect, and one auto-commit connection: operations are rendered by the
 * dialect and executed as they are, and the result is read back through {@link Catalog}.
 */
class LiveDatabase implements AutoCloseable {

    final TestDatabase database
    final Dialect dialect
    final Connection connection

    private LiveDatabase(TestDatabase database, Dialect dialect) {
        this.database = database
        this.dialect = dialect
        this.connection = database.connect()
    }

    static LiveDatabase fresh(DatabaseEngine engine) {
        TestDatabase database = engine.fresh()
        new LiveDatabase(database, Dialects.standard().forUrl(database.jdbcUrl()))
    }

    /** Renders and runs each operation, in order. */
    LiveDatabase apply(Operation... operations) {
        for (Operation op : operations) {
            for (Statement statement : dialect.renderer().render(op)) {
                if (statement instanceof SqlStatement) {
                    connection.createStatement().withCloseable { it.execute(statement.sql()) }
                } else {
                    (statement as JdbcCallback).work().run(connection)
                }
            }
        }
        this
    }

    Catalog catalog() {
        new Catalog(connection)
    }

    Catalog.Table table(String name) {
        catalog().table(name).orElseThrow { new AssertionError("no table " + name + " in " + catalog().tables()) }
    }

    /** One column of every row, read as the given Java type ({@code getObject(i, type)}), ordered by a column. */
    <T> List<T> column(String table, String column, Class<T> type, String orderBy) {
        def sql = 'SELECT ' + dialect.quote(column) + ' FROM ' + dialect.quote(table) + ' ORDER BY ' + dialect.quote(orderBy)
        List<T> result = []
        connection.createStatement().withCloseable { s ->
            s.executeQuery(sql).withCloseable { rs ->
                while (rs.next()) {
                    result << (type == byte[] ? rs.getBytes(1) : type == String ? rs.getString(1) : rs.getObject(1, type))
                }
            }
        }
        result
    }

    /** Runs the author's kind of SQL: plain text, as a user's raw SQL or a reporting query would. */
    List<List<Object>> query(String sql) {
        List<List<Object>> result = []
        connection.createStatement().withCloseable { s ->
            s.executeQuery(sql).withCloseable { rs ->
                while (rs.next()) {
                    result << (1..rs.metaData.columnCount).collect { rs.getObject(it) }
                }
            }
        }
        result
    }

    @Override
    void close() {
        try {
            connection.close()
        } finally {
            database.close()
        }
    }
}
