package dev.retort.revision;

import java.util.List;

/**
 * A revision id or branch label that the identifier grammar could not parse back: it must be a non-empty run of
 * {@code [A-Za-z0-9_]} and not one of the symbols {@code head}, {@code heads}, {@code base}. The characters
 * {@code @ - + :} in particular are the grammar's own separators.
 */
public final class IllegalIdentifierException extends RevisionGraphException {

    IllegalIdentifierException(Revision revision, String message) {
        super(message, List.of(revision.id()));
    }
}
