package dev.retort.revision;

import java.util.List;

/** Two revisions declare the same branch label; the earlier-loaded one is named as the owner. */
public final class DuplicateBranchLabelException extends RevisionGraphException {

    DuplicateBranchLabelException(String label, Revision owner, Revision duplicate) {
        super("Branch name '" + label + "' in revision " + at(duplicate) + " already used by revision " + at(owner),
                List.of(duplicate.id(), owner.id()));
    }
}
