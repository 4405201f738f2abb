package dev.retort.revision;

import dev.retort.operation.Operation;

import java.util.List;

/**
 * A revision's body, produced by running its script: what upgrade and downgrade do, as operations.
 *
 * @param transactional false for a migration that must run outside a transaction (CREATE INDEX CONCURRENTLY)
 */
public record Migration(Revision revision, List<Operation> upgrade, List<Operation> downgrade, boolean transactional) {

    public Migration {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }
}
