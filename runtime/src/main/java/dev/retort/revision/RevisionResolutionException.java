package dev.retort.revision;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

/**
 * A revision identifier or command target could not be resolved, or is not valid for the command. Unlike Alembic,
 * which reports every such failure as {@code Can't locate revision identified by 'x'}, each cause has its own
 * subclass and a message that says what went wrong.
 */
public abstract class RevisionResolutionException extends RetortException {

    private final String argument;

    protected RevisionResolutionException(String argument, String message) {
        super(ErrorCode.TARGET, message);
        this.argument = argument;
    }

    /** The identifier as the user typed it (or the part of it that failed). */
    public String argument() {
        return argument;
    }
}
