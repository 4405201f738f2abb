package dev.retort.api;

/**
 * Every failure Retort reports to a user. The message is one line that names the cause (file:line, revision ids,
 * a masked URL); {@link #code()} says what kind of failure it is.
 */
public class RetortException extends RuntimeException {

    private final ErrorCode code;

    public RetortException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RetortException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
