package dev.retort.plan;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * Run one revision in one direction, then apply {@code versionChanges} to the version table in the same
 * transaction. {@code fromRevisions}/{@code toRevisions} are what the step moves between, for
 * {@code -- Running upgrade a -> b} lines (empty for base; several for a merge).
 */
public record MigrationStep(Revision revision, Direction direction, List<String> fromRevisions,
                            List<String> toRevisions, List<VersionChange> versionChanges) {

    public MigrationStep {
        fromRevisions = List.copyOf(fromRevisions);
        toRevisions = List.copyOf(toRevisions);
        versionChanges = List.copyOf(versionChanges);
    }

    /** {@code upgrade a -> b}, {@code upgrade  -> a} for a base, {@code upgrade a, b -> m} for a merge. */
    public String describe() {
        return direction.word() + " " + String.join(", ", fromRevisions) + " -> " + String.join(", ", toRevisions);
    }
}
