package dev.retort.revision;

/**
 * A relative identifier ({@code +2}, {@code -1}, {@code c3+5}) walks past the ends of the graph or is used in the
 * wrong direction for the command.
 */
public final class RelativeRevisionException extends RevisionResolutionException {

    RelativeRevisionException(String argument, String message) {
        super(argument, message);
    }

    /** Alembic's text for a walk relative to the current revisions. */
    static RelativeRevisionException didNotProduce(String argument, int steps, String reason) {
        String signed = (steps >= 0 ? "+" : "") + steps;
        return new RelativeRevisionException(argument, "Relative revision " + signed + " didn't produce "
                + Math.abs(steps) + " migrations" + (reason.isEmpty() ? "" : ": " + reason));
    }

    /** Alembic's text for a walk relative to a named revision. */
    static RelativeRevisionException walkedTooFar(String argument, String reason) {
        return new RelativeRevisionException(argument, "Walked too far resolving '" + argument + "': " + reason);
    }
}
