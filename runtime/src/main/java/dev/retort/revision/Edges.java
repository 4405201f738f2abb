package dev.retort.revision;

/**
 * Which edges a walk through the graph follows. Down revisions alone decide version-table rows and branch lineage;
 * adding {@code dependsOn} gives what must be applied before a revision can run.
 */
public enum Edges {
    /** Only {@code downRevisions}: parent and child. */
    VERSIONED,
    /** {@code downRevisions} and {@code dependsOn}. */
    WITH_DEPENDENCIES
}
