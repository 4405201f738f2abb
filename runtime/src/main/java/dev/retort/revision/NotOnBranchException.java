package dev.retort.revision;

/** In {@code label@rev}, the revision is neither an ancestor nor a descendant of the branch's revision. */
public final class NotOnBranchException extends RevisionResolutionException {

    NotOnBranchException(String argument, Revision revision, String branch, Revision branchRevision) {
        super(argument, "Revision " + RevisionGraphException.at(revision) + " is not a member of branch '" + branch
                + "'" + (branch.equals(branchRevision.id()) ? "" : " (declared by " + branchRevision.id() + ")"));
    }
}
