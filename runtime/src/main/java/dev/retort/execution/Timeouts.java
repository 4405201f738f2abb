package dev.retort.execution;

import java.time.Duration;

/**
 * Limits for each migration's statements: how long one may wait for a lock, and how long one may run. A migration
 * stuck behind a long query then fails fast instead of queueing production traffic behind its own lock request.
 * Null means no limit (the database's default).
 */
public record Timeouts(Duration lockTimeout, Duration statementTimeout) {

    public static final Timeouts NONE = new Timeouts(null, null);

    public Timeouts {
        if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
            throw new IllegalArgumentException("lock timeout must be positive, got " + lockTimeout);
        }
        if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
            throw new IllegalArgumentException("statement timeout must be positive, got " + statementTimeout);
        }
    }

    public boolean isNone() {
        return lockTimeout == null && statementTimeout == null;
    }
}
