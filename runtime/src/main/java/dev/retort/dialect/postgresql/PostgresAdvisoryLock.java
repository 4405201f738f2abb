package dev.retort.dialect.postgresql;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.execution.ConnectionSource;
import dev.retort.lock.LockHolder;
import dev.retort.lock.LockTimeoutException;
import dev.retort.lock.MigrationLock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

/**
 * A session-level advisory lock, taken by the migration's own session. It dies with that session, so a killed
 * migrator leaves no stuck lock, and being session-level it survives the migration's rollbacks. Polling with
 * {@code pg_try_advisory_lock} in auto-commit (instead of blocking in {@code pg_advisory_lock}) keeps a waiting
 * migrator from holding a statement open, which would hold up {@code CREATE INDEX CONCURRENTLY} in the one that
 * migrates.
 */
public final class PostgresAdvisoryLock implements MigrationLock {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ConnectionSource connections;
    private final String versionTable;

    public PostgresAdvisoryLock(ConnectionSource connections, String versionTable) {
        this.connections = connections;
        this.versionTable = versionTable;
    }

    @Override
    public Held acquire(Connection connection, Duration timeout) {
        try {
            long key = lock(connection, timeout);
            return () -> unlock(connection, key);
        } catch (SQLException e) {
            throw cannotTake(e);
        }
    }

    /** On a session of its own, which ends on release. */
    @Override
    public Held acquire(Duration timeout) {
        Connection c = null;
        try {
            c = connections.open();
            long key = lock(c, timeout);
            Connection held = c;
            c = null;
            return () -> {
                unlock(held, key);
                closeQuietly(held);
            };
        } catch (SQLException e) {
            throw cannotTake(e);
        } finally {
            closeQuietly(c);
        }
    }

    private long lock(Connection c, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        c.setAutoCommit(true);
        long key = key(c);
        while (!tryLock(c, key)) {
            if (System.nanoTime() > deadline) {
                throw new LockTimeoutException("PostgreSQL advisory lock " + key, timeout, holder(c, key),
                        "It is released when that session ends.");
            }
            pause();
        }
        return key;
    }

    private static RetortException cannotTake(SQLException e) {
        return new RetortException(ErrorCode.LOCK, "cannot take the PostgreSQL advisory lock: " + e.getMessage(), e);
    }

    @Override
    public Optional<LockHolder> holder() {
        try (Connection c = connections.open()) {
            return holder(c, key(c));
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.LOCK, "cannot read PostgreSQL's locks: " + e.getMessage(), e);
        }
    }

    /** Nothing to do: an advisory lock cannot outlive its session. */
    @Override
    public boolean forceRelease() {
        return false;
    }

    /** 64 bits of a digest of the version table's schema-qualified name: one lock per migrated schema. */
    private long key(Connection c) throws SQLException {
        String schema;
        try (PreparedStatement s = c.prepareStatement("SELECT current_schema()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            schema = rs.getString(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("retort:" + schema + "." + versionTable).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Ends whatever transaction the migration left open (a statement in an aborted transaction would fail), then
     * unlocks; the session stays open, as it may go back to the application's pool.
     */
    private static void unlock(Connection c, long key) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            }
        } catch (SQLException e) {
            // only a broken session fails here, and a broken session's locks end with it
        }
    }

    private static Optional<LockHolder> holder(Connection c, long key) throws SQLException {
        // advisory locks on a bigint key are stored as two 32-bit halves
        String sql = "SELECT a.pid, a.usename, a.client_addr::text, a.application_name, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp started = rs.getTimestamp(5);
                return Optional.of(new LockHolder("PostgreSQL backend pid " + rs.getInt(1) + " (user " + rs.getString(2)
                        + (rs.getString(4) == null || rs.getString(4).isEmpty() ? "" : ", " + rs.getString(4)) + ")",
                        rs.getString(3), started == null ? null : started.toInstant(), "session-level advisory lock"));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException(ErrorCode.LOCK, "interrupted while waiting for the migration lock");
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do with a connection we are abandoning
            }
        }
    }
}
