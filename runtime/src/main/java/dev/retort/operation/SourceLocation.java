package dev.retort.operation;

import java.util.Objects;

/** Where in a migration script something was asked for, so errors at any stage can point at {@code file:line}. */
public record SourceLocation(String file, int line) {

    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
