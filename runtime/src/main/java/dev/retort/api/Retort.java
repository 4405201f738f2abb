package dev.retort.api;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.execution.ExecutionListener;
import dev.retort.execution.ExecutionReport;
import dev.retort.execution.JdbcStatementSink;
import dev.retort.execution.PlanExecutor;
import dev.retort.execution.ScriptStatementSink;
import dev.retort.lock.LockOwner;
import dev.retort.lock.MigrationLock;
import dev.retort.plan.MigrationPlan;
import dev.retort.plan.Planner;
import dev.retort.plan.UnknownVersionException;
import dev.retort.revision.HistoryRange;
import dev.retort.revision.MigrationSource;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionResolver;
import dev.retort.versiontable.ChecksumAudit;
import dev.retort.versiontable.HistoryRow;
import dev.retort.versiontable.HistoryTable;
import dev.retort.versiontable.HistoryTableReader;
import dev.retort.versiontable.VersionTable;
import dev.retort.versiontable.VersionTableReader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The embedding API: one object per migrations project and database. Commands here are thin: they compose the
 * graph, the planner, a dialect and an executor, and return values; printing is the caller's business.
 *
 * <pre>{@code
 * Retort retort = Retort.configure().dataSource(ds).locations("classpath:db/migrations").load();
 * retort.upgrade("head");
 * }</pre>
 */
public final class Retort {

    private final RetortConfig config;
    private final Dialects dialects = Dialects.standard();
    private final VersionTable versionTable;
    private final HistoryTable historyTable;
    private LockOwner owner;
    private MigrationSource source;
    private RevisionGraph graph;

    Retort(RetortConfig config) {
        this.config = config;
        this.versionTable = new VersionTable(config.versionTable());
        this.historyTable = new HistoryTable(config.historyTable());
    }

    /**
     * Who this migrator is, in a lock's holder information: made when first needed, since the host name lookup
     * and a random id are not free and most commands never lock. The id needs to tell processes apart, not to be
     * secret, so it does not wait for a secure random source.
     */
    private synchronized LockOwner owner() {
        if (owner == null) {
            String id = Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt() | 0x10000000);
            owner = new LockOwner("pid " + ProcessHandle.current().pid() + " " + id, hostName());
        }
        return owner;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }

    public static RetortConfig.Builder configure() {
        return new RetortConfig.Builder();
    }

    public static Retort create(RetortConfig config) {
        return new Retort(config);
    }

    public RetortConfig config() {
        return config;
    }

    /** The revision graph, read from the scripts' headers once (no script is compiled for this). */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            graph = RevisionGraph.of(source().revisions());
        }
        return graph;
    }

    /** Every head revision of the scripts. Needs no database. */
    public List<Revision> heads() {
        return graph().heads();
    }

    /** Every revision, newest first. Needs no database. */
    public List<Revision> history() {
        return graph().history();
    }

    /**
     * The revisions of {@code START:END} (either end may be empty, {@code base}, {@code current} or any identifier),
     * newest first. Reads the database only when a range end is {@code current}.
     */
    public List<Revision> history(String range) {
        List<String> rows = range != null && range.contains("current") ? currentRows() : List.of();
        return new HistoryRange(graph()).select(range, rows);
    }

    /** The version table's rows: the applied heads. Empty when nothing is applied (or the table does not exist). */
    public List<String> currentRows() {
        return withConnection(connection -> reader(dialectFor(connection)).rows(connection));
    }

    /** The applied heads as revisions; a row no script defines is an error naming it. */
    public List<Revision> current() {
        RevisionGraph g = graph();
        return currentRows().stream().map(id -> g.find(id).orElseThrow(() -> new UnknownVersionException(id))).toList();
    }

    /** What {@link #upgrade(String)} would do now, without doing it. */
    public MigrationPlan planUpgrade(String target) {
        return withConnection(connection -> planner().upgrade(reader(dialectFor(connection)).rows(connection), target));
    }

    /** What {@link #downgrade(String)} would do now, without doing it. */
    public MigrationPlan planDowngrade(String target) {
        return withConnection(connection -> planner().downgrade(reader(dialectFor(connection)).rows(connection), target));
    }

    /**
     * Applies every revision the target needs that is not applied yet. Upgrading to an older revision does nothing.
     * Refused, naming the files, when applied scripts changed since they ran (unless allowed in the configuration).
     */
    public MigrationResult upgrade(String target) {
        return migrate(Planner::upgrade, online(target), true, true);
    }

    /** Reverts what lies above the target. */
    public MigrationResult downgrade(String target) {
        return migrate(Planner::downgrade, online(target), false, true);
    }

    /** The statements {@link #upgrade(String)} would run now, as a script; the database is only read. */
    public String dryRunUpgrade(String target) {
        return dryRun(planUpgrade(online(target)));
    }

    /** The statements {@link #downgrade(String)} would run now, as a script; the database is only read. */
    public String dryRunDowngrade(String target) {
        return dryRun(planDowngrade(online(target)));
    }

    /**
     * Rewrites the version table to the given revisions without running any migration ({@code base} empties it).
     * {@code purge} first deletes every row, even rows no script defines.
     */
    public MigrationResult stamp(List<String> revisions, boolean purge) {
        return migrate((planner, rows, ignored) -> planner.stamp(rows, revisions, purge), null, false, false);
    }

    /** The version-table statements of a stamp, as a script: {@code [FROM:]TO}, the start defaulting to base. */
    public String stampSql(String range) {
        int colon = range.indexOf(':');
        List<String> from = colon < 0 ? List.of()
                : new RevisionResolver(graph()).resolve(range.substring(0, colon)).stream().map(Revision::id).toList();
        return offline(planner().stamp(from, List.of(colon < 0 ? range : range.substring(colon + 1)), false));
    }

    /** The SQL that {@code upgrade} would run for {@code [from:]to}, starting from base when no start is given. */
    public String upgradeSql(String range) {
        return offline(planner().upgradeRange(range));
    }

    /** The SQL that {@code downgrade} would run for {@code from:to}. */
    public String downgradeSql(String range) {
        return offline(planner().downgradeRange(range));
    }

    private String dryRun(MigrationPlan plan) {
        String at = plan.startHeads().isEmpty() ? "base" : String.join(", ", plan.startHeads());
        if (plan.isEmpty()) {
            return "-- Dry run: nothing to do; the database is at " + at + ".\n";
        }
        // nothing starts: the listener hears what would run, and the script is rendered without it
        plan.steps().forEach(config.listener()::stepWouldRun);
        return "-- Dry run: the database is at " + at + "; " + plan.steps().size()
                + " step(s) would run. Nothing was changed.\n\n" + offline(plan, ExecutionListener.NONE);
    }

    private static String online(String target) {
        if (target != null && target.contains(":")) {
            throw new RetortException(ErrorCode.TARGET, "a FROM:TO range ('" + target
                    + "') is only allowed with --sql (offline); online, the start is what the database has");
        }
        return target;
    }

    private interface PlanFunction {
        MigrationPlan plan(Planner planner, List<String> rows, String target);
    }

    /**
     * Reads the version table; when there is work, takes the lock and reads it again: a migrator that waited for
     * another sees its work and finds nothing left to do. Lock, reads and migration share one connection.
     * <p>
     * A database already at the target (every start of an application that migrates on start-up, every CI run
     * after the first) is answered from the first read, without the lock: nothing will be written, what was read
     * is committed state, and such a run neither waits behind a migrator holding the lock nor pays for the lock.
     *
     * @param guarded whether to refuse while a migration that could not roll back is unsettled (upgrade and
     *                downgrade are; stamp is not, being the repair tool)
     */
    private MigrationResult migrate(PlanFunction function, String target, boolean verifyChecksums, boolean guarded) {
        EarlyConnection connecting = new EarlyConnection(this::open);
        Planner planner;
        try {
            planner = planner();
        } catch (RuntimeException e) {
            connecting.discard();
            throw e;
        }
        return withConnection(connecting.take(), connection -> {
            Dialect dialect = dialectFor(connection);
            VersionTableReader reader = reader(dialect);
            List<String> seen = reader.rows(connection);
            if (function.plan(planner, seen, target).isEmpty()) {
                return new MigrationResult(seen, seen, List.of());
            }
            // on the migration's connection: a second one would make a pool of one wait until it timed out
            try (MigrationLock.Held held = lock(dialect).acquire(connection, config.lockTimeout())) {
                boolean exists = reader.exists(connection);
                List<String> rows = exists ? reader.existingRows(connection) : List.of();
                MigrationPlan plan = function.plan(planner, rows, target);
                if (guarded && !plan.isEmpty()) {
                    refuseUnsettled(new HistoryTableReader(dialect, historyTable).rows(connection));
                }
                if (verifyChecksums && !plan.isEmpty() && !config.allowChangedScripts()) {
                    refuseChangedScripts(changedScripts(connection, dialect, rows));
                }
                if (plan.isEmpty()) {
                    return new MigrationResult(rows, rows, List.of());
                }
                try (JdbcStatementSink sink = new JdbcStatementSink(connection)) {
                    ExecutionReport report = executor(dialect).execute(plan, sink, !exists);
                    return new MigrationResult(rows, report.endHeads(), report.applied());
                }
            }
        });
    }

    /**
     * Everything that needs attention, a line each: applied scripts that changed since they ran, version rows no
     * script defines, revisions not yet applied, several heads. Empty when all is well. Changes nothing.
     */
    public List<String> check() {
        RevisionGraph g = graph();
        return withConnection(connection -> {
            Dialect dialect = dialectFor(connection);
            List<String> rows = reader(dialect).rows(connection);
            List<String> problems = new java.util.ArrayList<>();
            for (String row : rows) {
                if (!g.contains(row)) {
                    problems.add("applied revision " + row + " has no script (deleted or renamed?); the version table '"
                            + versionTable.name() + "' names it");
                }
            }
            for (HistoryRow open : unsettled(new HistoryTableReader(dialect, historyTable).rows(connection))) {
                problems.add(unsettledMessage(open));
            }
            for (ChecksumAudit.ChangedScript changed : changedScripts(connection, dialect, rows)) {
                problems.add("applied script changed since it ran: " + changed);
            }
            if (g.heads().size() > 1) {
                problems.add("several heads: " + String.join(", ", g.heads().stream().map(Revision::id).toList())
                        + " (merge them with 'retort merge heads')");
            }
            if (problems.stream().noneMatch(p -> p.startsWith("applied revision"))) {
                for (var step : planner().upgrade(rows, "heads").steps()) {
                    problems.add("pending: " + step.revision().id() + " (" + step.revision().file() + ")");
                }
            }
            return problems;
        });
    }

    /**
     * Records the current text of changed applied scripts as accepted, after a deliberate, reviewed edit; the
     * given revisions only, or every changed one when none are given. Returns the revisions accepted.
     */
    public List<String> acceptChanges(List<String> revisions) {
        return withConnection(connection -> {
            Dialect dialect = dialectFor(connection);
            List<String> rows = reader(dialect).rows(connection);
            List<ChecksumAudit.ChangedScript> changed = changedScripts(connection, dialect, rows);
            List<String> wanted = revisions.stream().map(r -> new RevisionResolver(graph()).revision(r).id()).toList();
            List<String> accepted = new java.util.ArrayList<>();
            connection.setAutoCommit(false);
            try {
                for (ChecksumAudit.ChangedScript c : changed) {
                    if (wanted.isEmpty() || wanted.contains(c.revision().id())) {
                        execute(connection, dialect, historyTable.accept(c.revision()));
                        accepted.add(c.revision().id());
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
            return accepted;
        });
    }

    private List<ChecksumAudit.ChangedScript> changedScripts(Connection connection, Dialect dialect, List<String> rows)
            throws SQLException {
        List<HistoryRow> history = new HistoryTableReader(dialect, historyTable).rows(connection);
        return new ChecksumAudit(graph()).changed(rows, history);
    }

    private static List<HistoryRow> unsettled(List<HistoryRow> history) {
        java.util.Map<String, HistoryRow> last = new java.util.LinkedHashMap<>();
        for (HistoryRow row : history) {
            if (row.isUnsettled()) {
                last.put(row.revision(), row);
            }
        }
        return List.copyOf(last.values());
    }

    private String unsettledMessage(HistoryRow row) {
        String file = graph().find(row.revision()).map(Revision::file).orElse("no script");
        return "revision " + row.revision() + " (" + file + ") did not complete its " + row.direction() + ": it ran where it"
                + " cannot roll back (no transactional DDL, or 'transactional false') and was "
                + (row.outcome().equals(HistoryTable.FAILED) ? "stopped by an error" : "interrupted")
                + " part-way, so some of its statements may be applied. Inspect the database, then run 'retort resolve "
                + row.revision() + " --applied' if its changes are complete, or 'retort resolve " + row.revision()
                + " --undone' once they are undone";
    }

    private void refuseUnsettled(List<HistoryRow> history) {
        List<HistoryRow> open = unsettled(history);
        if (!open.isEmpty()) {
            throw new RetortException(ErrorCode.MIGRATION_FAILED, "refusing to migrate: " + unsettledMessage(open.get(0))
                    + (open.size() > 1 ? " (and " + (open.size() - 1) + " more: see 'retort check')" : ""));
        }
    }

    /**
     * Settles a migration that could not roll back and did not complete, after someone inspected the database.
     * {@code applied}: its changes are complete, so the version table moves as if it had finished; otherwise they
     * were undone and the version table stays. Returns the version-table rows afterwards.
     */
    public List<String> resolve(String revision, boolean applied) {
        String id = new RevisionResolver(graph()).revision(revision).id();
        List<HistoryRow> open = withConnection(connection ->
                unsettled(new HistoryTableReader(dialectFor(connection), historyTable).rows(connection)));
        HistoryRow row = open.stream().filter(r -> r.revision().equals(id)).findFirst().orElseThrow(() ->
                new RetortException(ErrorCode.TARGET, "revision " + id + " has no unfinished migration to resolve"
                        + (open.isEmpty() ? "" : "; unfinished: " + String.join(", ", open.stream().map(HistoryRow::revision).toList()))));
        List<String> rows = currentRows();
        if (applied) {
            Revision r = graph().get(id);
            List<String> to = row.direction().equals(HistoryRow.UPGRADE) ? List.of(id)
                    : r.downRevisions().isEmpty() ? List.of("base") : r.downRevisions();
            rows = migrate((planner, current, ignored) -> planner.stamp(current, to, false), null, false, false).endHeads();
        }
        withConnection(connection -> {
            Dialect dialect = dialectFor(connection);
            connection.setAutoCommit(true);
            execute(connection, dialect, historyTable.resolve(id, row.outcome()));
            return null;
        });
        return rows;
    }

    /** A bookkeeping change outside any plan, through the same renderer and sink as migrations. */
    private static void execute(Connection connection, Dialect dialect, dev.retort.operation.Operation operation)
            throws SQLException {
        try (JdbcStatementSink sink = new JdbcStatementSink(connection)) {
            for (var statement : dialect.renderer().render(operation)) {
                sink.execute(statement);
            }
        }
    }

    private static void refuseChangedScripts(List<ChecksumAudit.ChangedScript> changed) {
        if (!changed.isEmpty()) {
            throw new RetortException(ErrorCode.CHECK_FAILED, "refusing to upgrade: " + changed.size()
                    + (changed.size() == 1 ? " applied script has" : " applied scripts have") + " changed since "
                    + (changed.size() == 1 ? "it" : "they") + " ran: "
                    + String.join(", ", changed.stream().map(Object::toString).toList())
                    + ". Review the change; then accept it with 'retort accept-changes', or upgrade with --allow-changed");
        }
    }

    /** The lock of this project's database, for {@code lock status} and {@code lock release}. */
    public MigrationLock lock() {
        return withConnection(connection -> lock(dialectFor(connection)));
    }

    private MigrationLock lock(Dialect dialect) {
        return dialect.lock(this::open, versionTable.name(), owner());
    }

    private String offline(MigrationPlan plan) {
        return offline(plan, config.listener());
    }

    private String offline(MigrationPlan plan, ExecutionListener listener) {
        Dialect dialect = offlineDialect();
        StringBuilder out = new StringBuilder();
        ScriptStatementSink sink = new ScriptStatementSink(out, dialect);
        executor(dialect, listener).execute(plan, sink, plan.startHeads().isEmpty());
        return out.toString();
    }

    private Planner planner() {
        return new Planner(graph());
    }

    private PlanExecutor executor(Dialect dialect) {
        return executor(dialect, config.listener());
    }

    private PlanExecutor executor(Dialect dialect, ExecutionListener listener) {
        return new PlanExecutor(dialect, source(), versionTable, historyTable, listener, config.timeouts());
    }

    private VersionTableReader reader(Dialect dialect) {
        return new VersionTableReader(dialect, versionTable);
    }

    private synchronized MigrationSource source() {
        if (source == null) {
            source = config.source() != null
                    ? config.source()
                    : MigrationFormats.open(config.locations(), config.classLoader(), config.cacheDirectory());
        }
        return source;
    }

    private Dialect dialectFor(Connection connection) throws SQLException {
        if (config.dialect() != null) {
            return dialects.byName(config.dialect());
        }
        return dialects.forUrl(config.url() != null ? config.url() : connection.getMetaData().getURL());
    }

    private Dialect offlineDialect() {
        if (config.dialect() != null) {
            return dialects.byName(config.dialect());
        }
        if (config.url() != null) {
            return dialects.forUrl(config.url());
        }
        throw new RetortException(ErrorCode.CONFIGURATION,
                "offline SQL needs to know the database: give a url or a dialect (" + String.join(", ", dialects.all().stream().map(Dialect::name).toList()) + ")");
    }

    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        return withConnection(open(), work);
    }

    private <T> T withConnection(Connection connection, ConnectionWork<T> work) {
        try (connection) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.CONNECTION, "database error on " + config.maskedUrl() + ": "
                    + MaskedUrl.scrub(e.getMessage(), config.password()), e);
        }
    }

    private Connection open() {
        try {
            if (config.dataSource() != null) {
                return config.dataSource().getConnection();
            }
            if (config.url() == null) {
                throw new RetortException(ErrorCode.CONFIGURATION, "no database configured: give a url (or a DataSource)");
            }
            Properties properties = new Properties();
            if (config.user() != null) {
                properties.setProperty("user", config.user());
            }
            if (config.password() != null) {
                properties.setProperty("password", config.password());
            }
            return DriverManager.getConnection(config.url(), properties);
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.CONNECTION, "cannot connect to " + config.maskedUrl() + ": "
                    + MaskedUrl.scrub(firstLine(reason(e)), config.password()), e);
        }
    }

    /** The driver's own reason: pools wrap it in a timeout message of their own. */
    private static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given by the driver";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
