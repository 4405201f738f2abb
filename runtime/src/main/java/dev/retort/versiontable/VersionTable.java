package dev.retort.versiontable;

import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DeleteRows;
import dev.retort.operation.InsertRows;
import dev.retort.operation.Operation;
import dev.retort.operation.SourceLocation;
import dev.retort.operation.SqlValue;
import dev.retort.operation.TableConstraint;
import dev.retort.operation.UpdateRows;
import dev.retort.plan.VersionChange;

import java.util.List;
import java.util.Map;

/**
 * The table holding one row per applied head revision, as Alembic's {@code alembic_version} does. Its DDL and its
 * row changes are operations, rendered by the dialect like any migration's.
 */
public final class VersionTable {

    public static final String DEFAULT_NAME = "retort_version";
    public static final String COLUMN = "version_num";
    /** Wider than Alembic's 32, so hand-chosen ids have room. */
    public static final int ID_LENGTH = 64;

    private static final SourceLocation HERE = new SourceLocation("<retort version table>", 0);

    private final String name;

    public VersionTable(String name) {
        this.name = name == null ? DEFAULT_NAME : name;
    }

    public String name() {
        return name;
    }

    public CreateTable create() {
        ColumnDefinition version = new ColumnDefinition(COLUMN, ColumnType.varchar(ID_LENGTH), false, false, false,
                null, false, null);
        return new CreateTable(name, List.of(version),
                List.of(new TableConstraint.PrimaryKey(name + "_pkc", List.of(COLUMN))), HERE);
    }

    /** The operation that makes one version change. */
    public Operation change(VersionChange change) {
        if (change instanceof VersionChange.Insert insert) {
            return new InsertRows(name, List.of(COLUMN), List.of(List.of(SqlValue.literal(insert.revision()))), HERE);
        }
        if (change instanceof VersionChange.Update update) {
            return new UpdateRows(name, Map.of(COLUMN, SqlValue.literal(update.to())),
                    Map.of(COLUMN, SqlValue.literal(update.from())), HERE);
        }
        VersionChange.Delete delete = (VersionChange.Delete) change;
        return new DeleteRows(name, Map.of(COLUMN, SqlValue.literal(delete.revision())), HERE);
    }


    /** The message when an update or delete did not match exactly one row: someone edited the table by hand. */
    public String mismatch(VersionChange change, int matched) {
        String what = change instanceof VersionChange.Update u
                ? "updating '" + u.from() + "' to '" + u.to() + "'"
                : "deleting '" + ((VersionChange.Delete) change).revision() + "'";
        return "expected to match one row when " + what + " in '" + name + "'; " + matched
                + " found. Was the version table edited by hand? Compare it with 'retort current' and fix it with 'retort stamp'.";
    }
}
