package dev.retort.dsl;

import dev.retort.operation.SourceLocation;

/**
 * Says which script line a DSL call comes from. A compiled script is located by its stack frames
 * ({@link SourceLocator}); a literal script, read without Groovy, by the call the reader is running.
 */
public interface CallLocator {

    /** The script file, as messages name it. */
    String file();

    /** Where the script called into the DSL. */
    SourceLocation here();

    /** The script line where this failure happened. */
    SourceLocation of(Throwable failure);
}
