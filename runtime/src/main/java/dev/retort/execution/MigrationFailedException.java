package dev.retort.execution;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;
import dev.retort.plan.MigrationStep;

import java.util.List;

/**
 * A step failed while running. The message is one line: which step, which script line and operation, the
 * database's error, the statement, and where the database is now.
 */
public final class MigrationFailedException extends RetortException {

    private final transient MigrationStep step;
    private final transient Statement statement;
    private final List<String> headsNow;
    private final int statementsRun;
    private final List<String> operationsRun;
    private final boolean rolledBack;

    /**
     * @param operationsRun each operation of the step whose statements had all or partly run before the failure,
     *                      as {@code describe() at file:line}: what stays applied when the step cannot be rolled back
     */
    MigrationFailedException(MigrationStep step, Statement statement, String operation, Throwable cause,
                             List<String> headsNow, int statementsRun, List<String> operationsRun, boolean rolledBack) {
        super(ErrorCode.MIGRATION_FAILED, message(step, statement, operation, cause, headsNow, statementsRun,
                operationsRun, rolledBack), cause);
        this.step = step;
        this.statement = statement;
        this.headsNow = List.copyOf(headsNow);
        this.statementsRun = statementsRun;
        this.operationsRun = List.copyOf(operationsRun);
        this.rolledBack = rolledBack;
    }

    public MigrationStep step() {
        return step;
    }

    public Statement statement() {
        return statement;
    }

    /** The version-table rows after the failure: the last good revision(s). */
    public List<String> headsNow() {
        return headsNow;
    }

    /** How many statements of the failed step had completed before the failing one. */
    public int statementsRun() {
        return statementsRun;
    }

    /** The operations those statements came from, as {@code describe() at file:line}, in the order they ran. */
    public List<String> operationsRun() {
        return operationsRun;
    }

    public boolean rolledBack() {
        return rolledBack;
    }

    private static String message(MigrationStep step, Statement statement, String operation, Throwable cause,
                                  List<String> headsNow, int statementsRun, List<String> operationsRun,
                                  boolean rolledBack) {
        // Retort's own bookkeeping statements have no script line: name the script of the step
        String where = statement == null || statement.location().line() <= 0 ? step.revision().file()
                : statement.location().toString();
        StringBuilder b = new StringBuilder(step.describe()).append(" failed at ").append(where);
        if (operation != null) {
            b.append(" (").append(operation).append(')');
        }
        b.append(": ").append(oneLine(cause == null ? "unknown error" : String.valueOf(cause.getMessage())));
        if (statement instanceof SqlStatement sql) {
            b.append(" [SQL: ").append(shorten(oneLine(sql.sql()), 300)).append(']');
        }
        String at = headsNow.isEmpty() ? "base (no revision applied)" : String.join(", ", headsNow);
        if (rolledBack) {
            b.append(". The migration was rolled back; the database is at ").append(at);
        } else {
            b.append(". This migration could not be rolled back: ").append(statementsRun)
                    .append(statementsRun == 1 ? " statement had" : " statements had")
                    .append(" already run and stay applied");
            if (!operationsRun.isEmpty()) {
                b.append(" (").append(String.join("; ", operationsRun)).append(')');
            }
            b.append("; the version table still says ").append(at)
                    .append(". Inspect the database, then settle it with 'retort resolve ").append(step.revision().id())
                    .append(" --applied' or '--undone'");
        }
        return b.toString();
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
