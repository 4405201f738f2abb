package dev.retort.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes sure exactly one migrator changes the schema at a time. Others wait (up to a timeout), then read the
 * version table afresh, so they see the work the first one did.
 */
public interface MigrationLock {

    /** Waits until this migrator holds the lock. Closing the handle releases it. */
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
