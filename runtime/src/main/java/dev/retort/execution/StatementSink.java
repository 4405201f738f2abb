package dev.retort.execution;

import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;

import java.sql.SQLException;
import java.util.List;

/**
 * Where rendered statements go: a JDBC connection (online) or a script (offline, {@code --sql}). The executor
 * drives both the same way, so offline output is exactly what online mode runs.
 */
public interface StatementSink {

    /** Starts one unit of work; {@code transactional} false runs it statement by statement, outside a transaction. */
    void begin(boolean transactional) throws SQLException;

    /** Runs or writes one statement; returns the update count, or -1 when there is none to report. */
    int execute(Statement statement) throws SQLException;

    /** Whether {@link #executeBatch} sends its statements together (one round trip) rather than one by one. */
    default boolean batches() {
        return false;
    }

    /**
     * Runs statements in order, together where the sink {@link #batches()}, and returns each one's update count (-1
     * where there is none to report). A failure does not say which statement failed.
     */
    default int[] executeBatch(List<SqlStatement> statements) throws SQLException {
        int[] counts = new int[statements.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = execute(statements.get(i));
        }
        return counts;
    }

    /** A remark for the reader: a comment offline, a log line online. */
    void comment(String text);

    void commit() throws SQLException;

    void rollback() throws SQLException;

    /** Whether update counts are real (online) rather than assumed (offline). */
    boolean countsRows();
}
