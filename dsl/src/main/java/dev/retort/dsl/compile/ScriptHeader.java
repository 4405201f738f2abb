package dev.retort.dsl.compile;

import dev.retort.revision.Revision;

/**
 * A script's header as read without running it: the revision (with its location and checksum) and whether it runs
 * in a transaction.
 */
public record ScriptHeader(Revision revision, boolean transactional) {
}
