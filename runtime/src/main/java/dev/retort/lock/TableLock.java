package dev.retort.lock;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlStatement;
import dev.retort.dialect.Statement;
import dev.retort.execution.ConnectionSource;
import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DeleteRows;
import dev.retort.operation.InsertRows;
import dev.retort.operation.Operation;
import dev.retort.operation.SourceLocation;
import dev.retort.operation.SqlValue;
import dev.retort.operation.TableConstraint;
import dev.retort.versiontable.Catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lock for databases without advisory locks: one row in a lock table, whose primary key lets only one migrator
 * insert it. The row outlives a migrator that is killed, so a stale lock is visible ({@code retort lock status})
 * and released deliberately ({@code retort lock release}), never silently.
 */
public final class TableLock implements MigrationLock {

    private static final SourceLocation HERE = new SourceLocation("<retort lock table>", 0);
    private static final int LOCK_ID = 1;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Dialect dialect;
    private final ConnectionSource connections;
    private final String table;
    private final LockOwner owner;

    public TableLock(Dialect dialect, ConnectionSource connections, String table, LockOwner owner) {
        this.dialect = dialect;
        this.connections = connections;
        this.table = table;
        this.owner = owner;
    }

    /** The row is inserted and committed on the migration's connection, before any migration transaction starts. */
    @Override
    public Held acquire(Connection connection, Duration timeout) {
        try {
            take(connection, timeout);
        } catch (SQLException e) {
            throw cannotUse(e);
        }
        return () -> release(connection);
    }

    /** The row outlives the connection that inserted it: that one is closed at once, and release opens another. */
    @Override
    public Held acquire(Duration timeout) {
        try (Connection c = connections.open()) {
            take(c, timeout);
        } catch (SQLException e) {
            throw cannotUse(e);
        }
        return () -> {
            try (Connection c = connections.open()) {
                release(c);
            } catch (SQLException e) {
                throw cannotRelease(e);
            }
        };
    }

    private void take(Connection c, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        c.setAutoCommit(true);
        ensureTable(c, deadline, timeout);
        while (!tryInsert(c)) {
            if (System.nanoTime() > deadline) {
                throw new LockTimeoutException("table " + table, timeout, holder(c),
                        "If that migrator is gone, release the lock with 'retort lock release'.");
            }
            pause();
        }
    }

    private RetortException cannotUse(SQLException e) {
        return new RetortException(ErrorCode.LOCK, "cannot use the lock table '" + table + "': " + e.getMessage(), e);
    }

    @Override
    public Optional<LockHolder> holder() {
        try (Connection c = connections.open()) {
            return Catalog.tableExists(c, dialect, table) ? holder(c) : Optional.empty();
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.LOCK, "cannot read the lock table '" + table + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean forceRelease() {
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            return Catalog.tableExists(c, dialect, table)
                    && run(c, new DeleteRows(table, Map.of("id", SqlValue.literal(LOCK_ID)), HERE)) > 0;
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.LOCK, "cannot release the lock in '" + table + "': " + e.getMessage(), e);
        }
    }

    /** Deletes our row in a transaction of its own: whatever a failed migration left uncommitted is rolled back. */
    private void release(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            run(c, new DeleteRows(table, whereIdAndOwner(), HERE));
        } catch (SQLException e) {
            throw cannotRelease(e);
        }
    }

    private RetortException cannotRelease(SQLException e) {
        return new RetortException(ErrorCode.LOCK, "cannot release the lock in '" + table
                + "'; release it with 'retort lock release': " + e.getMessage(), e);
    }

    private Map<String, SqlValue> whereIdAndOwner() {
        Map<String, SqlValue> where = new java.util.LinkedHashMap<>();
        where.put("id", SqlValue.literal(LOCK_ID));
        where.put("owner", SqlValue.literal(owner.id()));
        return where;
    }

    /**
     * Creates the lock table unless it exists, then waits until it has its primary key: a table another migrator
     * is still creating can be visible before its key is (H2 shows it between the two), and rows inserted then
     * would let several migrators in at once.
     */
    private void ensureTable(Connection c, long deadline, Duration timeout) throws SQLException {
        if (!Catalog.tableExists(c, dialect, table)) {
            create(c);
        }
        while (!Catalog.constraintExists(c, dialect, table, primaryKey())) {
            if (System.nanoTime() > deadline) {
                throw new RetortException(ErrorCode.LOCK, "the lock table '" + table + "' has no primary key '"
                        + primaryKey() + "' after waiting " + LockTimeoutException.format(timeout)
                        + ": it was left half-created; drop it (it holds nothing but the lock) and run again");
            }
            pause(Duration.ofMillis(20));
        }
    }

    private String primaryKey() {
        return table + "_pkc";
    }

    private void create(Connection c) throws SQLException {
        CreateTable create = new CreateTable(table, List.of(
                new ColumnDefinition("id", ColumnType.of(ColumnType.Kind.INTEGER), false, false, false, null, false, null),
                new ColumnDefinition("owner", ColumnType.varchar(200), false, false, false, null, false, null),
                ColumnDefinition.of("host", ColumnType.varchar(255)),
                new ColumnDefinition("acquired_at", ColumnType.of(ColumnType.Kind.TIMESTAMP), false, false, false,
                        SqlValue.expression("CURRENT_TIMESTAMP"), false, null)),
                List.of(new TableConstraint.PrimaryKey(primaryKey(), List.of("id"))), HERE);
        try {
            run(c, create);
        } catch (SQLException e) {
            // another migrator created it at the same moment: that is fine, anything else is not
            if (!Catalog.tableExists(c, dialect, table)) {
                throw e;
            }
        }
    }

    /**
     * True when the row is ours, false when the primary key refused it: someone holds the lock (if the row is gone
     * again, the holder just released, and the next try gets it). Any other failure (a broken connection, no right
     * to insert, a read-only database) is not a held lock, and waiting for the timeout would only hide it.
     */
    private boolean tryInsert(Connection c) {
        try {
            run(c, new InsertRows(table, List.of("id", "owner", "host"), List.of(List.of(
                    SqlValue.literal(LOCK_ID), SqlValue.literal(owner.id()), SqlValue.literal(owner.host()))), HERE));
            return true;
        } catch (SQLException e) {
            if (isKeyViolation(e)) {
                return false;
            }
            throw new RetortException(ErrorCode.LOCK, "cannot take the migration lock: inserting its row into the lock"
                    + " table '" + table + "' failed (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** SQLState class 23, integrity constraint violation: how every driver reports a duplicate primary key. */
    private static boolean isKeyViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private Optional<LockHolder> holder(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(dialect.selectAll(table, List.of("owner", "host", "acquired_at")))) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Timestamp at = rs.getTimestamp(3);
            return Optional.of(new LockHolder(rs.getString(1), rs.getString(2), at == null ? null : at.toInstant(),
                    "lock table " + table));
        }
    }

    private int run(Connection c, Operation op) throws SQLException {
        int count = 0;
        for (Statement statement : dialect.renderer().render(op)) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(((SqlStatement) statement).sql());
                count += Math.max(0, s.getUpdateCount());
            }
        }
        return count;
    }

    private static void pause() {
        pause(POLL);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException(ErrorCode.LOCK, "interrupted while waiting for the migration lock");
        }
    }
}
