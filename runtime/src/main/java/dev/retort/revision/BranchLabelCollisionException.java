package dev.retort.revision;

import java.util.List;

/**
 * A branch label equals a revision id. Labels and ids share one namespace in every identifier the user types, so
 * {@code upgrade x} would be ambiguous.
 */
public final class BranchLabelCollisionException extends RevisionGraphException {

    BranchLabelCollisionException(String label, Revision labelled, Revision named) {
        super("Branch name '" + label + "' in revision " + at(labelled) + " is already the id of revision "
                + at(named), List.of(labelled.id(), named.id()));
    }
}
