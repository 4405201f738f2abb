package dev.retort.plan;

/**
 * One change to the version table's rows (one row per applied head), as Alembic maintains them. Online, every
 * update and delete must match exactly one row.
 */
public sealed interface VersionChange {

    record Insert(String revision) implements VersionChange {
    }

    record Update(String from, String to) implements VersionChange {
    }

    record Delete(String revision) implements VersionChange {
    }
}
