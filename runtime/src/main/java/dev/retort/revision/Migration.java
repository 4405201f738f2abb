package dev.retort.revision;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.operation.Operation;

import java.util.List;

/**
 * A revision's body, produced by running its script: what upgrade and downgrade do, as operations.
 *
 * @param downgrade     null when the revision declares no downgrade at all (an upgrade-only script): it can then be
 *                      upgraded but not downgraded, and {@link #downgrade()} says so. An empty list is a declared
 *                      downgrade that does nothing.
 * @param transactional false for a migration that must run outside a transaction (CREATE INDEX CONCURRENTLY)
 */
public record Migration(Revision revision, List<Operation> upgrade, List<Operation> downgrade, boolean transactional) {

    public Migration {
        upgrade = List.copyOf(upgrade);
        downgrade = downgrade == null ? null : List.copyOf(downgrade);
    }

    /** False for a revision that declares no downgrade. */
    public boolean hasDowngrade() {
        return downgrade != null;
    }

    /**
     * The operations that undo this revision.
     *
     * @throws RetortException {@code SCRIPT}, naming the file and line, when the revision declares no downgrade
     */
    @Override
    public List<Operation> downgrade() {
        if (downgrade == null) {
            throw new RetortException(ErrorCode.SCRIPT, revision.location() + ": revision " + revision.id()
                    + " declares upgrade { } but no downgrade { }, so it cannot be downgraded");
        }
        return downgrade;
    }
}
