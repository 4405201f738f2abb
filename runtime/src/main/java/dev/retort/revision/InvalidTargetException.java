package dev.retort.revision;

/** The target resolves, but the command cannot go there from the current revisions (or not in this form). */
public final class InvalidTargetException extends RevisionResolutionException {

    public InvalidTargetException(String argument, String message) {
        super(argument, message);
    }

    public static InvalidTargetException notAnUpgradeTarget(String target, String reason) {
        return new InvalidTargetException(target, "Destination " + target
                + " is not a valid upgrade target from current head(s)" + (reason.isEmpty() ? "" : ": " + reason));
    }

    public static InvalidTargetException notADowngradeTarget(String target, String reason) {
        return new InvalidTargetException(target, "Destination " + target
                + " is not a valid downgrade target from current head(s)" + (reason.isEmpty() ? "" : ": " + reason));
    }
}
