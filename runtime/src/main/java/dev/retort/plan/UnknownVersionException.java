package dev.retort.plan;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

/**
 * The version table names a revision that no migration script defines: a script was deleted or renamed, or the
 * database belongs to another project. Planning stops, because nothing can be said about what is applied. The one
 * place this failure is worded, whether planning or {@code current} finds the row.
 */
public final class UnknownVersionException extends RetortException {

    private final String revision;

    public UnknownVersionException(String revision) {
        super(ErrorCode.VERSION_TABLE, "the version table holds revision '" + revision + "', which no migration script"
                + " defines (was a script deleted or renamed, or is this database from another project?); restore its"
                + " script, or rewrite the table with 'retort stamp --purge'");
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
