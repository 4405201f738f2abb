package dev.retort.revision;

/** The part before {@code @} is neither a branch label nor a revision. */
public final class UnknownBranchException extends RevisionResolutionException {

    UnknownBranchException(String branch) {
        super(branch, "No such branch: '" + branch + "'");
    }
}
