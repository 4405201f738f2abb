package dev.retort.plan;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * Run one revision in one direction, then apply {@code versionChanges} to the version table in the same
 * transaction. {@code fromRevisions}/{@code toRevisions} are what the step moves between, for
 * {@code -- Running upgrade a -> b} lines (empty for base; several for a merge).
 *
 * <p>A {@code stampOnly} step (from {@code stamp}) runs no migration code: it only applies its version changes.
 * Its {@code revision} is the one the table moves to, or, for a step that deletes a row, the revision that row
 * names (a placeholder {@code Revision.of(id)} when a purge deletes a row no script defines).
 */
public record MigrationStep(Revision revision, Direction direction, List<String> fromRevisions,
                            List<String> toRevisions, List<VersionChange> versionChanges, boolean stampOnly) {

    public MigrationStep {
        fromRevisions = List.copyOf(fromRevisions);
        toRevisions = List.copyOf(toRevisions);
        versionChanges = List.copyOf(versionChanges);
    }

    /** A step that runs the revision's migration code. */
    public MigrationStep(Revision revision, Direction direction, List<String> fromRevisions,
                         List<String> toRevisions, List<VersionChange> versionChanges) {
        this(revision, direction, fromRevisions, toRevisions, versionChanges, false);
    }

    /** A step that only rewrites version-table rows. */
    public static MigrationStep stamp(Revision revision, Direction direction, List<String> fromRevisions,
                                      List<String> toRevisions, List<VersionChange> versionChanges) {
        return new MigrationStep(revision, direction, fromRevisions, toRevisions, versionChanges, true);
    }

    /** False for a stamp step, whose migration code must not run. */
    public boolean runsMigration() {
        return !stampOnly;
    }

    /**
     * {@code upgrade a -> b}, {@code upgrade <base> -> a} from base, {@code downgrade a -> <base>} to base,
     * {@code upgrade a, b -> m} for a merge; {@code stamp a -> b} for a stamp step. Base is written {@code <base>},
     * as {@code history} and {@code branches} write it, so no side is ever empty.
     */
    public String describe() {
        return (stampOnly ? "stamp" : direction.word()) + " " + side(fromRevisions) + " -> " + side(toRevisions);
    }

    private static String side(List<String> revisions) {
        return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
    }
}
