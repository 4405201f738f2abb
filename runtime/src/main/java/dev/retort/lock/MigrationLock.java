package dev.retort.lock;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes sure exactly one migrator changes the schema at a time. Others wait (up to a timeout), then read the
 * version table afresh, so they see the work the first one did.
 */
public interface MigrationLock {

    /**
     * Waits until this migrator holds the lock, taking it on {@code connection}: the connection the migration then
     * runs on, so migrating needs one connection and an application pool capped at one is enough. The lock is in
     * place outside the migration's transactions (a committed row, a session-level lock), so a migration that rolls
     * back still holds it. Closing the handle releases it on the same connection, ending first whatever transaction
     * the migration left open; the caller closes the connection after that.
     */
    Held acquire(Connection connection, Duration timeout);

    /**
     * {@link #acquire(Connection, Duration)} with connections of the lock's own, for holding the lock without
     * migrating; none of them stays open after the handle is closed.
     */
    Held acquire(Duration timeout);

    /** Who holds the lock now, if anyone. */
    Optional<LockHolder> holder();

    /**
     * Removes a lock left by a migrator that died. Only lock kinds that can outlive their holder need this;
     * returns false when there was nothing to release.
     */
    boolean forceRelease();

    /** A held lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
