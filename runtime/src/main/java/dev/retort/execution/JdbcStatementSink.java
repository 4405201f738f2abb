package dev.retort.execution;

import dev.retort.dialect.JdbcCallback;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes statements on one connection, which the caller owns and closes. Statements with
 * {@linkplain SqlStatement#parameters() parameters} are prepared once per text and kept until {@link #close()}.
 */
public final class JdbcStatementSink implements StatementSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStatementSink.class);
    /** Retort's bookkeeping has a handful of statement shapes; past this many, something else is being prepared. */
    private static final int MAX_PREPARED = 32;

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public JdbcStatementSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void begin(boolean transactional) throws SQLException {
        connection.setAutoCommit(!transactional);
    }

    @Override
    public int execute(Statement statement) throws SQLException {
        if (statement instanceof JdbcCallback callback) {
            callback.work().run(connection);
            return -1;
        }
        SqlStatement sql = (SqlStatement) statement;
        LOG.debug("{}", sql.sql());
        if (sql.parameters() != null) {
            return executePrepared(sql.parameters());
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            boolean returnedRows = jdbc.execute(sql.sql());
            return returnedRows ? -1 : jdbc.getUpdateCount();
        }
    }

    private int executePrepared(SqlStatement.Parameters parameters) throws SQLException {
        PreparedStatement jdbc = prepared.get(parameters.sql());
        if (jdbc == null) {
            if (prepared.size() >= MAX_PREPARED) {
                close();
            }
            jdbc = connection.prepareStatement(parameters.sql());
            prepared.put(parameters.sql(), jdbc);
        }
        List<Object> values = parameters.values();
        for (int i = 0; i < values.size(); i++) {
            jdbc.setObject(i + 1, values.get(i));
        }
        boolean returnedRows = jdbc.execute();
        return returnedRows ? -1 : jdbc.getUpdateCount();
    }

    @Override
    public boolean batches() {
        return true;
    }

    /** One JDBC batch of the statements' inline text: one round trip. */
    @Override
    public int[] executeBatch(List<SqlStatement> statements) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                LOG.debug("{}", statement.sql());
                jdbc.addBatch(statement.sql());
            }
            int[] counts = jdbc.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = counts[i] == java.sql.Statement.SUCCESS_NO_INFO ? -1 : counts[i];
            }
            return counts;
        }
    }

    @Override
    public void comment(String text) {
        LOG.debug("{}", text);
    }

    @Override
    public void commit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    @Override
    public boolean countsRows() {
        return true;
    }

    /** How many prepared statements are kept open; for tests. */
    int preparedCount() {
        return prepared.size();
    }

    /**
     * Closes the prepared statements; the connection stays open. Never throws: by now the work is committed, and a
     * statement that cannot be closed (a broken connection) must not turn it into a failure.
     */
    @Override
    public void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("closing a prepared statement failed", e);
            }
        }
        prepared.clear();
    }
}
