package dev.retort.plan;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

/**
 * The version table names a revision that no migration script defines: a script was deleted or renamed, or the
 * database belongs to another project. Planning stops, because nothing can be said about what is applied.
 */
public final class UnknownVersionException extends RetortException {

    private final String revision;

    UnknownVersionException(String revision) {
        super(ErrorCode.VERSION_TABLE, "The version table contains revision '" + revision
                + "', which no migration script defines; restore its script, or rewrite the table with stamp --purge");
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
