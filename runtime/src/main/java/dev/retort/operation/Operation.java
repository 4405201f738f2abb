package dev.retort.operation;

import java.util.Optional;

/**
 * One schema or data change, as plain immutable data. Operations never touch a database: dialect renderers turn
 * them into statements, and {@link #reverse()} derives the undo as a pure function of the data.
 */
public sealed interface Operation
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn,
        CreateIndex, DropIndex, AddConstraint, DropConstraint, CreateSequence, DropSequence, CreateView, DropView,
        RawSql, InsertRows, UpdateRows, DeleteRows, ExecuteJdbc {

    /** The script line that asked for this operation. */
    SourceLocation location();

    <R> R accept(OperationVisitor<R> visitor);

    /** The operation that undoes this one, or empty when the data does not say how (a drop without its definition). */
    Optional<Operation> reverse();

    /** A short phrase for messages, such as {@code createTable books}. */
    String describe();
}
