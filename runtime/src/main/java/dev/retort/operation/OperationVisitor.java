package dev.retort.operation;

/** One method per operation type: a new operation fails to compile until every renderer handles it. */
public interface OperationVisitor<R> {
    R visit(CreateTable op);
    R visit(DropTable op);
    R visit(RenameTable op);
    R visit(AddColumn op);
    R visit(DropColumn op);
    R visit(RenameColumn op);
    R visit(AlterColumn op);
    R visit(CreateIndex op);
    R visit(DropIndex op);
    R visit(AddConstraint op);
    R visit(DropConstraint op);
    R visit(CreateSequence op);
    R visit(DropSequence op);
    R visit(CreateView op);
    R visit(DropView op);
    R visit(RawSql op);
    R visit(InsertRows op);
    R visit(UpdateRows op);
    R visit(DeleteRows op);
    R visit(ExecuteJdbc op);
}
