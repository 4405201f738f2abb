package dev.retort.lock;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.time.Duration;
import java.util.Optional;

/** The lock was not free within the configured wait; the message names the holder when the database can tell. */
public final class LockTimeoutException extends RetortException {

    public LockTimeoutException(String lockName, Duration waited, Optional<LockHolder> holder, String hint) {
        super(ErrorCode.LOCK, "could not take the migration lock (" + lockName + ") within " + format(waited)
                + "; it is held by " + holder.map(LockHolder::toString).orElse("another migrator") + ". " + hint);
    }

    /** Whole seconds, or milliseconds below a second: a 300 ms wait is not "0 s". */
    static String format(Duration waited) {
        return waited.toMillis() < 1000 ? waited.toMillis() + " ms" : waited.toSeconds() + " s";
    }
}
