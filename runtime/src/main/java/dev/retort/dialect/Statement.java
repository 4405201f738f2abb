package dev.retort.dialect;

import dev.retort.operation.SourceLocation;

/** What a renderer produces for one operation: SQL text, or a piece of code to run on the connection. */
public sealed interface Statement permits SqlStatement, JdbcCallback {

    /** The script line of the operation this statement came from. */
    SourceLocation location();
}
