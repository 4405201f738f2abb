package dev.retort.versiontable;

import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.InsertRows;
import dev.retort.operation.SourceLocation;
import dev.retort.operation.SqlValue;
import dev.retort.operation.TableConstraint;
import dev.retort.plan.MigrationStep;

import java.util.List;
import java.util.Map;
import dev.retort.operation.DeleteRows;
import dev.retort.operation.UpdateRows;

/**
 * An append-only log of every step applied (stamps included): which revision, which direction, the checksum of the file that ran,
 * who ran it, when and for how long. The version table says where the database is; this says how it got there.
 */
public final class HistoryTable {

    public static final String DEFAULT_NAME = "retort_history";

    private static final SourceLocation HERE = new SourceLocation("<retort history table>", 0);
    private static final List<String> INSERTED = List.of("revision", "direction", "checksum", "message", "duration_ms", "outcome");

    /** A step that completed; the normal case. */
    public static final String DONE = "done";
    /** A step that cannot roll back has started; if the row stays so, it was interrupted part-way. */
    public static final String RUNNING = "running";
    /** A step that cannot roll back failed part-way; its statements may be partly applied. */
    public static final String FAILED = "failed";
    /** A running or failed step that someone inspected and settled ({@code retort resolve}). */
    public static final String RESOLVED = "resolved";

    private final String name;

    public HistoryTable(String name) {
        this.name = name == null ? DEFAULT_NAME : name;
    }

    public String name() {
        return name;
    }

    public CreateTable create() {
        List<ColumnDefinition> columns = List.of(
                new ColumnDefinition("id", ColumnType.of(ColumnType.Kind.BIGINT), false, false, false, null, true, null),
                required("revision", ColumnType.varchar(VersionTable.ID_LENGTH)),
                required("direction", ColumnType.varchar(16)),
                ColumnDefinition.of("checksum", ColumnType.varchar(80)),
                ColumnDefinition.of("message", ColumnType.varchar(500)),
                new ColumnDefinition("applied_by", ColumnType.varchar(128), true, false, false,
                        SqlValue.expression("CURRENT_USER"), false, null),
                new ColumnDefinition("applied_at", ColumnType.of(ColumnType.Kind.TIMESTAMP), false, false, false,
                        SqlValue.expression("CURRENT_TIMESTAMP"), false, null),
                ColumnDefinition.of("duration_ms", ColumnType.of(ColumnType.Kind.BIGINT)),
                new ColumnDefinition("outcome", ColumnType.varchar(16), false, false, false,
                        SqlValue.literal(DONE), false, null));
        return new CreateTable(name, columns, List.of(new TableConstraint.PrimaryKey(name + "_pkc", List.of("id"))), HERE);
    }

    /**
     * Finds a step's row by revision and outcome: completing the "running" row of each step that cannot roll back
     * must not scan the whole history, which made a long first upgrade on H2 quadratic.
     */
    public CreateIndex index() {
        List<String> columns = List.of("revision", "outcome");
        return new CreateIndex(dev.retort.operation.Names.generated("ix", name, columns), name, columns, false, null, HERE);
    }

    /** The row for a completed step; {@code durationMillis} is null offline, where nothing is timed. */
    public InsertRows record(MigrationStep step, Long durationMillis) {
        return insert(step, SqlValue.literal(durationMillis), DONE);
    }

    /** The row for a completed step whose duration the database computes ({@code duration} is an expression). */
    public InsertRows record(MigrationStep step, SqlValue duration) {
        return insert(step, duration, DONE);
    }

    /** Written and committed before a step that cannot roll back, so an interruption stays visible. */
    public InsertRows start(MigrationStep step) {
        return insert(step, SqlValue.literal(null), RUNNING);
    }

    /** Completes the row {@link #start} wrote, in the same transaction as the version change. */
    public UpdateRows finish(MigrationStep step, Long durationMillis) {
        return new UpdateRows(name, ordered("outcome", DONE, "duration_ms", durationMillis),
                running(step.revision().id()), HERE);
    }

    /** The step failed part-way: its statements may be partly applied. */
    public UpdateRows fail(MigrationStep step) {
        return new UpdateRows(name, Map.of("outcome", SqlValue.literal(FAILED)), running(step.revision().id()), HERE);
    }

    /** The step failed before any of its statements ran: nothing to remember. */
    public DeleteRows abandon(MigrationStep step) {
        return new DeleteRows(name, running(step.revision().id()), HERE);
    }

    /** Settles a running or failed row after someone inspected the database. */
    public UpdateRows resolve(String revision, String outcome) {
        return new UpdateRows(name, Map.of("outcome", SqlValue.literal(RESOLVED)),
                ordered("revision", revision, "outcome", outcome), HERE);
    }

    private static Map<String, SqlValue> running(String revision) {
        return ordered("revision", revision, "outcome", RUNNING);
    }

    /** Column/value pairs in the order given: Map.of's order changes between JVM runs, and offline SQL must not. */
    static Map<String, SqlValue> ordered(String column, Object value, String column2, Object value2) {
        Map<String, SqlValue> columns = new java.util.LinkedHashMap<>();
        columns.put(column, SqlValue.literal(value));
        columns.put(column2, SqlValue.literal(value2));
        return columns;
    }

    private InsertRows insert(MigrationStep step, SqlValue duration, String outcome) {
        String message = step.revision().message();
        if (message.length() > 500) {
            message = message.substring(0, 499) + "…";
        }
        return new InsertRows(name, INSERTED, List.of(List.of(
                SqlValue.literal(step.revision().id()),
                SqlValue.literal(step.stampOnly() ? "stamp" : step.direction().word()),
                SqlValue.literal(step.revision().checksum()),
                SqlValue.literal(message),
                duration,
                SqlValue.literal(outcome))), HERE);
    }

    /** The row that accepts a script's current text after a reviewed edit ({@code accept-changes}). */
    public InsertRows accept(dev.retort.revision.Revision revision) {
        return new InsertRows(name, INSERTED, List.of(List.of(
                SqlValue.literal(revision.id()),
                SqlValue.literal(HistoryRow.ACCEPT),
                SqlValue.literal(revision.checksum()),
                SqlValue.literal("accepted changed script"),
                SqlValue.literal(null),
                SqlValue.literal(DONE))), HERE);
    }

    private static ColumnDefinition required(String name, ColumnType type) {
        return new ColumnDefinition(name, type, false, false, false, null, false, null);
    }
}
