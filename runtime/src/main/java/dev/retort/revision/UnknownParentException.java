package dev.retort.revision;

import java.util.List;

/** A {@code downRevision} names a revision no file declares (a deleted or misspelt parent). */
public final class UnknownParentException extends RevisionGraphException {

    UnknownParentException(Revision revision, String missing) {
        super("Revision " + missing + " referenced as down revision from " + RevisionGraphException.at(revision)
                + " is not present", List.of(revision.id(), missing));
    }
}
