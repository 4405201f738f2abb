package dev.retort.dialect;

import dev.retort.operation.Operation;

/** An operation this dialect cannot express; the message names the script line that asked for it. */
public class RenderException extends RuntimeException {

    private final transient Operation operation;

    public RenderException(Operation operation, String dialect, String why) {
        super(operation.location() + ": " + operation.describe() + " cannot be rendered for " + dialect + ": " + why);
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }
}
