package dev.retort.execution;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.JdbcCallback;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an SQL script instead of executing: {@code BEGIN;}/{@code COMMIT;} around each migration where the
 * database has transactional DDL, each statement followed by the dialect's terminator and a blank line.
 */
public final class ScriptStatementSink implements StatementSink {

    private final Appendable out;
    private final Dialect dialect;
    private boolean inTransaction;

    public ScriptStatementSink(Appendable out, Dialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    @Override
    public void begin(boolean transactional) {
        inTransaction = transactional && dialect.supports(Capability.TRANSACTIONAL_DDL);
        if (inTransaction) {
            write("BEGIN" + dialect.statementTerminator() + "\n\n");
        }
    }

    @Override
    public int execute(Statement statement) {
        if (statement instanceof JdbcCallback callback) {
            write("-- " + callback.description() + " at " + callback.location()
                    + " runs Groovy code on the connection; it is skipped in offline output\n\n");
        } else {
            write(((SqlStatement) statement).sql() + dialect.statementTerminator() + "\n\n");
        }
        return 1;
    }

    @Override
    public void comment(String text) {
        write("-- " + text.replace("\n", "\n-- ") + "\n\n");
    }

    @Override
    public void commit() {
        if (inTransaction) {
            write("COMMIT" + dialect.statementTerminator() + "\n\n");
            inTransaction = false;
        }
    }

    @Override
    public void rollback() {
        inTransaction = false;
    }

    @Override
    public boolean countsRows() {
        return false;
    }

    private void write(String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
