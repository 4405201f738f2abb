package dev.retort.revision;

import java.util.List;

/** A revision lists itself in its own {@code dependsOn}. */
public final class DependencySelfLoopException extends RevisionGraphException {

    DependencySelfLoopException(Revision revision) {
        super("Dependency self-loop is detected in revisions (" + revision.id() + "): "
                + RevisionGraphException.at(revision) + " depends on itself", List.of(revision.id()));
    }
}
