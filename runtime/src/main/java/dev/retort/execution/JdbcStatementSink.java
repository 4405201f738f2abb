package dev.retort.execution;

import dev.retort.dialect.JdbcCallback;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Executes statements on one connection, which the caller owns and closes. */
public final class JdbcStatementSink implements StatementSink {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStatementSink.class);

    private final Connection connection;

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
        String sql = ((SqlStatement) statement).sql();
        LOG.debug("{}", sql);
        try (java.sql.Statement jdbc = connection.createStatement()) {
            boolean returnedRows = jdbc.execute(sql);
            return returnedRows ? -1 : jdbc.getUpdateCount();
        }
    }

    /** As one JDBC batch: the version table and history changes of a step cost one round trip, not two. */
    @Override
    public int[] executeAll(List<Statement> statements) throws SQLException {
        if (statements.size() < 2 || !statements.stream().allMatch(s -> s instanceof SqlStatement)) {
            return StatementSink.super.executeAll(statements);
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            for (Statement statement : statements) {
                String sql = ((SqlStatement) statement).sql();
                LOG.debug("{}", sql);
                jdbc.addBatch(sql);
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
}
