package dev.retort.revision;

import java.util.List;

/** A {@code dependsOn} entry is neither a revision id nor a branch label. */
public final class UnknownDependencyException extends RevisionGraphException {

    UnknownDependencyException(Revision revision, String missing) {
        super("Revision or branch label " + missing + " referenced in dependsOn of "
                + RevisionGraphException.at(revision) + " is not present", List.of(revision.id(), missing));
    }
}
