package dev.retort.revision;

import java.util.List;

/** A revision lists itself as its own down revision. */
public final class SelfLoopException extends RevisionGraphException {

    SelfLoopException(Revision revision) {
        super("Self-loop is detected in revisions (" + revision.id() + "): " + RevisionGraphException.at(revision)
                + " names itself as down revision", List.of(revision.id()));
    }
}
