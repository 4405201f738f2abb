package dev.retort.revision;

import java.util.List;

/** Two files declare the same revision id. Alembic only warns and lets the later file win; Retort refuses. */
public final class DuplicateRevisionException extends RevisionGraphException {

    DuplicateRevisionException(Revision first, Revision second) {
        super("Revision " + first.id() + " is present more than once: in " + first.location() + " and in "
                + second.location(), List.of(first.id()));
    }
}
