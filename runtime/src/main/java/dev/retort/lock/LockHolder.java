package dev.retort.lock;

import java.time.Instant;

/** Who holds the migration lock, as far as the database can tell; any field may be null. */
public record LockHolder(String owner, String host, Instant acquiredAt, String detail) {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(owner == null ? "an unknown migrator" : owner);
        if (host != null) {
            b.append(" on ").append(host);
        }
        if (acquiredAt != null) {
            b.append(" since ").append(acquiredAt);
        }
        if (detail != null) {
            b.append(" (").append(detail).append(')');
        }
        return b.toString();
    }
}
