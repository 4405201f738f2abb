package dev.retort.execution;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;
import dev.retort.operation.Operation;
import dev.retort.operation.RawSql;
import dev.retort.operation.SqlValue;
import dev.retort.plan.Direction;
import dev.retort.plan.MigrationPlan;
import dev.retort.plan.MigrationStep;
import dev.retort.plan.VersionChange;
import dev.retort.revision.Migration;
import dev.retort.revision.MigrationSource;
import dev.retort.revision.Revision;
import dev.retort.versiontable.HistoryTable;
import dev.retort.versiontable.VersionTable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan against a sink. Every script is compiled and every statement rendered before the first one runs,
 * so a broken script or an operation the dialect cannot express fails with the database untouched.
 */
public final class PlanExecutor {

    private final Dialect dialect;
    private final MigrationSource source;
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private final ExecutionListener listener;
    private final Timeouts timeouts;

    public PlanExecutor(Dialect dialect, MigrationSource source, VersionTable versionTable, HistoryTable historyTable,
                        ExecutionListener listener) {
        this(dialect, source, versionTable, historyTable, listener, Timeouts.NONE);
    }

    public PlanExecutor(Dialect dialect, MigrationSource source, VersionTable versionTable, HistoryTable historyTable,
                        ExecutionListener listener, Timeouts timeouts) {
        this.dialect = dialect;
        this.source = source;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.listener = listener;
        this.timeouts = timeouts;
    }

    /** A step with everything rendered: the body's statements, each with the operation it came from. */
    private record PreparedStep(MigrationStep step, boolean transactional, List<Statement> statements,
                                List<Operation> origins, List<String> notices) {
    }

    /**
     * @param createTables whether to create the version and history tables first (they do not exist yet)
     */
    public ExecutionReport execute(MigrationPlan plan, StatementSink sink, boolean createTables) {
        List<PreparedStep> prepared = prepare(plan);
        List<String> rows = new ArrayList<>(plan.startHeads());
        List<ExecutionReport.AppliedStep> applied = new ArrayList<>();
        if (createTables) {
            createTables(sink);
        }
        for (PreparedStep p : prepared) {
            applied.add(run(p, sink, rows));
        }
        return new ExecutionReport(applied, rows);
    }

    private List<PreparedStep> prepare(MigrationPlan plan) {
        Map<String, Revision> needed = new LinkedHashMap<>();
        for (MigrationStep step : plan.steps()) {
            if (step.runsMigration()) {
                needed.putIfAbsent(step.revision().id(), step.revision());
            }
        }
        Map<String, Migration> migrations = new LinkedHashMap<>();
        for (Migration m : source.loadAll(List.copyOf(needed.values()))) {
            migrations.put(m.revision().id(), m);
        }
        List<PreparedStep> prepared = new ArrayList<>();
        for (MigrationStep step : plan.steps()) {
            if (!step.runsMigration()) {
                prepared.add(new PreparedStep(step, true, List.of(), List.of(), List.of()));
                continue;
            }
            Migration migration = migrations.get(step.revision().id());
            List<Operation> ops = step.direction() == Direction.UPGRADE ? migration.upgrade() : migration.downgrade();
            List<Statement> statements = new ArrayList<>();
            List<Operation> origins = new ArrayList<>();
            List<String> notices = new ArrayList<>();
            for (Operation op : ops) {
                List<Statement> rendered = dialect.renderer().render(op);
                if (rendered.isEmpty() && op instanceof RawSql) {
                    // raw SQL written only for other dialects: say so rather than skip silently
                    notices.add("sql at " + op.location() + " has no statement for " + dialect.name() + "; skipped");
                }
                for (Statement s : rendered) {
                    statements.add(s);
                    origins.add(op);
                }
            }
            prepared.add(new PreparedStep(step, migration.transactional(), statements, origins, notices));
        }
        return prepared;
    }

    private void createTables(StatementSink sink) {
        try {
            sink.begin(true);
            for (Operation op : List.of(versionTable.create(), historyTable.create(), historyTable.index())) {
                for (Statement s : dialect.renderer().render(op)) {
                    sink.execute(s);
                }
            }
            sink.commit();
        } catch (SQLException e) {
            rollbackQuietly(sink, e);
            throw new RetortException(ErrorCode.VERSION_TABLE, "cannot create the tables '" + versionTable.name()
                    + "' and '" + historyTable.name() + "': " + MigrationFailedException.oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    private ExecutionReport.AppliedStep run(PreparedStep p, StatementSink sink, List<String> rows) {
        MigrationStep step = p.step();
        listener.stepStarting(step);
        sink.comment("Running " + step.describe() + " (" + step.revision().file() + ")");
        long started = System.nanoTime();
        if (!runAsOneBatch(p, sink, rows)) {
            runStatementByStatement(p, sink, rows, started);
        }
        apply(step.versionChanges(), rows);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        listener.stepCompleted(step, took);
        return new ExecutionReport.AppliedStep(step, took);
    }

    /**
     * A step that rolls back as a whole, sent with its bookkeeping as one batch and committed: two round trips
     * instead of one per statement plus three. The history row's duration is measured by the database, since the
     * row travels with the step.
     *
     * <p>A batch does not say which of its statements failed, so after a failure (rolled back, nothing applied) this
     * returns false and the step runs again statement by statement, which names the statement and its script line
     * as always. Not taken with timeouts set, so that a statement that times out is waited for once, nor for steps
     * with Groovy code, which no batch can carry.
     *
     * @return false when the step did not run this way and is still to run
     */
    private boolean runAsOneBatch(PreparedStep p, StatementSink sink, List<String> rows) {
        String elapsed = dialect.millisSinceTransactionStart();
        if (!sink.batches() || elapsed == null || !p.transactional() || !dialect.supports(Capability.TRANSACTIONAL_DDL)
                || !dialect.timeouts(timeouts, true).isEmpty()) {
            return false;
        }
        List<SqlStatement> batch = new ArrayList<>();
        for (Statement statement : p.statements()) {
            if (!(statement instanceof SqlStatement sql)) {
                return false;
            }
            batch.add(sql);
        }
        MigrationStep step = p.step();
        int bookkeepingFrom = batch.size();
        List<Bookkeeping> records = bookkeeping(step, historyTable.record(step, SqlValue.expression(elapsed)), false);
        for (Bookkeeping record : records) {
            batch.add((SqlStatement) record.statement());
        }
        int[] counts;
        try {
            sink.begin(true);
            counts = sink.executeBatch(batch);
        } catch (SQLException e) {
            rollbackQuietly(sink, e);
            return false;
        }
        if (counts.length != batch.size()) {
            // a statement the driver split into several (raw SQL with semicolons): counts no longer line up
            rollbackQuietly(sink, null);
            return false;
        }
        Statement current = null;
        try {
            for (int i = 0; i < records.size(); i++) {
                current = records.get(i).statement();
                checkMatched(records.get(i), counts[bookkeepingFrom + i], sink);
            }
            p.notices().forEach(sink::comment);
            current = null;
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(sink, e);
            throw new MigrationFailedException(step, current, "version table", e, rows, bookkeepingFrom,
                    operationsRun(p.origins()), true);
        }
        return true;
    }

    private void runStatementByStatement(PreparedStep p, StatementSink sink, List<String> rows, long started) {
        MigrationStep step = p.step();
        int done = 0;
        Statement current = null;
        String operation = null;
        // a step that cannot roll back leaves a committed marker first, so an interruption stays visible
        boolean marked = step.runsMigration() && !(p.transactional() && dialect.supports(Capability.TRANSACTIONAL_DDL));
        if (marked) {
            writeHistory(sink, historyTable.start(step), step, rows);
        }
        try {
            sink.begin(p.transactional());
            for (Statement limit : dialect.timeouts(timeouts, p.transactional())) {
                sink.execute(limit);
            }
            for (int i = 0; i < p.statements().size(); i++) {
                current = p.statements().get(i);
                operation = p.origins().get(i).describe();
                sink.execute(current);
                done++;
            }
            p.notices().forEach(sink::comment);
            current = null;
            operation = "version table";
            Long took = sink.countsRows() ? Duration.ofNanos(System.nanoTime() - started).toMillis() : null;
            Operation entry = marked ? historyTable.finish(step, took) : historyTable.record(step, took);
            for (Bookkeeping record : bookkeeping(step, entry, true)) {
                current = record.statement();
                checkMatched(record, sink.execute(current), sink);
            }
            sink.commit();
            resetTimeouts(p, sink);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(sink, e);
            if (marked) {
                try {
                    writeHistory(sink, done == 0 ? historyTable.abandon(step) : historyTable.fail(step), step, rows);
                } catch (RuntimeException settle) {
                    e.addSuppressed(settle);
                }
            }
            if (!p.transactional()) {
                try {
                    resetTimeouts(p, sink);
                } catch (SQLException | RuntimeException reset) {
                    e.addSuppressed(reset);
                }
            }
            if (e instanceof MigrationFailedException mfe) {
                throw mfe;
            }
            boolean rolledBack = p.transactional() && dialect.supports(Capability.TRANSACTIONAL_DDL) || done == 0;
            throw new MigrationFailedException(step, current, operation, e, rows, done,
                    operationsRun(p.origins().subList(0, done)), rolledBack);
        }
    }

    /** One history statement in a transaction of its own. */
    private void writeHistory(StatementSink sink, Operation entry, MigrationStep step, List<String> rows) {
        Statement current = null;
        try {
            sink.begin(true);
            for (Statement s : dialect.renderer().renderWithParameters(entry)) {
                current = s;
                sink.execute(s);
            }
            sink.commit();
        } catch (SQLException e) {
            rollbackQuietly(sink, e);
            throw new MigrationFailedException(step, current, "history table", e, rows, 0, List.of(), true);
        }
    }

    private void resetTimeouts(PreparedStep p, StatementSink sink) throws SQLException {
        if (!p.transactional()) {
            for (Statement reset : dialect.resetTimeouts(timeouts)) {
                sink.execute(reset);
            }
        }
    }

    /** {@code createTable t at file:line} for each operation with a statement that ran, once each, in order. */
    private static List<String> operationsRun(List<Operation> origins) {
        return origins.stream().distinct().map(op -> op.describe() + " at " + op.location()).toList();
    }

    /** One bookkeeping statement of a step, and the version change it makes (null for the history entry). */
    private record Bookkeeping(Statement statement, VersionChange change) {
    }

    /**
     * The step's version table changes, then its history entry. Run one by one, they are rendered with parameters
     * so that the connection prepares each shape once instead of parsing new text every step; in a batch, which
     * sends text, without. Each update or delete of a version row must match exactly one row: in a transaction a
     * mismatch rolls all back; outside one, it stops before the next statement commits.
     */
    private List<Bookkeeping> bookkeeping(MigrationStep step, Operation historyEntry, boolean withParameters) {
        List<Bookkeeping> statements = new ArrayList<>();
        for (VersionChange change : step.versionChanges()) {
            for (Statement s : render(versionTable.change(change), withParameters)) {
                statements.add(new Bookkeeping(s, change));
            }
        }
        for (Statement s : render(historyEntry, withParameters)) {
            statements.add(new Bookkeeping(s, null));
        }
        return statements;
    }

    private List<Statement> render(Operation operation, boolean withParameters) {
        return withParameters ? dialect.renderer().renderWithParameters(operation) : dialect.renderer().render(operation);
    }

    /**
     * A version row update or delete must have matched one row; the history entry is not checked. -1: the sink could
     * not tell (offline, or a driver that reports no count for a batch entry).
     */
    private void checkMatched(Bookkeeping record, int matched, StatementSink sink) {
        VersionChange change = record.change();
        if (change != null && sink.countsRows() && !(change instanceof VersionChange.Insert) && matched != 1
                && matched != -1) {
            throw new RetortException(ErrorCode.VERSION_TABLE, versionTable.mismatch(change, matched));
        }
    }

    static void apply(List<VersionChange> changes, List<String> rows) {
        for (VersionChange change : changes) {
            if (change instanceof VersionChange.Insert insert) {
                rows.add(insert.revision());
            } else if (change instanceof VersionChange.Update update) {
                int at = rows.indexOf(update.from());
                if (at >= 0) {
                    rows.set(at, update.to());
                } else {
                    rows.add(update.to());
                }
            } else {
                rows.remove(((VersionChange.Delete) change).revision());
            }
        }
    }

    private static void rollbackQuietly(StatementSink sink, Exception cause) {
        try {
            sink.rollback();
        } catch (SQLException | RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
