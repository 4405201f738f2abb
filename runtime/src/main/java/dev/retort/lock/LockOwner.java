package dev.retort.lock;

/** Identifies this migrator in a lock table: process and host, so a stale lock can be traced to its source. */
public record LockOwner(String id, String host) {

    @Override
    public String toString() {
        return id + "@" + host;
    }
}
