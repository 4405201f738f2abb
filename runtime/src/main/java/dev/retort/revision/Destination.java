package dev.retort.revision;

import java.util.List;
import java.util.Optional;

/**
 * Where a downgrade or stamp goes: the revisions to end at (none for {@code base}) and, when the target was
 * qualified ({@code lib@base}, {@code lib@-1}, {@code c2@b}), the revision standing for that branch, which limits
 * the command to the branch's lineage.
 *
 * @param argument the target as typed
 */
public record Destination(String argument, List<Revision> revisions, Optional<Revision> branch) {

    public Destination {
        revisions = List.copyOf(revisions);
    }

    public boolean isBase() {
        return revisions.isEmpty();
    }
}
