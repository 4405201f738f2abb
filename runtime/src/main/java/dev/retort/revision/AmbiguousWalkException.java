package dev.retort.revision;

/**
 * A relative walk reached a fork: several children going up, several down revisions going down, or several
 * current revisions to start from. A branch label ({@code label@+1}) or an explicit start ({@code rev+1}) settles it.
 */
public final class AmbiguousWalkException extends RevisionResolutionException {

    AmbiguousWalkException(String argument, String message) {
        super(argument, message);
    }
}
