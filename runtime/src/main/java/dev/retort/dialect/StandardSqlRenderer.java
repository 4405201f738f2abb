package dev.retort.dialect;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.ColumnDefinition;
import dev.retort.operation.ColumnType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DeleteRows;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropView;
import dev.retort.operation.ExecuteJdbc;
import dev.retort.operation.ForeignKeyReference;
import dev.retort.operation.InsertRows;
import dev.retort.operation.Names;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.RawSql;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import dev.retort.operation.SqlValue;
import dev.retort.operation.TableConstraint;
import dev.retort.operation.UpdateRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Standard SQL for every operation. A dialect's renderer extends this and overrides only the hooks where its database
 * differs: {@link #typeName}, {@link #identity()}, {@link #alterType}, {@link #renameTable}, {@link #renameColumn},
 * {@link #literals()}. Being an {@link OperationVisitor}, it fails to compile until a new
 * operation is rendered.
 * <p>
 * Rules every dialect inherits:
 * <ul>
 *   <li>Each statement carries the operation's {@link dev.retort.operation.SourceLocation}; statements have no
 *       terminator.</li>
 *   <li>Identifiers go through {@link Dialect#quote(String)} only.</li>
 *   <li>Constraints declared on a column ({@code primaryKey}, {@code unique}, {@code references}) are named by
 *       {@link Names#generated}: {@code pk_<table>}, {@code uq_<table>_<column>}, {@code fk_<table>_<column>}, so
 *       they have the same name on every database and a later {@code dropConstraint} can name them. When several
 *       columns of one table say {@code primaryKey}, they form one table-level {@code pk_<table>}.</li>
 *   <li>{@link RawSql} without SQL for this dialect (nor for any dialect) renders no statement at all; the executor
 *       reports that. Trailing semicolons and blanks are taken off the author's SQL (terminators are the sink's);
 *       SQL that is nothing else renders no statement either.</li>
 *   <li>{@link ExecuteJdbc} becomes a {@link JdbcCallback}.</li>
 *   <li>Row values are written inline as literals ({@link SqlLiteral}), so the text printed offline is the text
 *       executed online. Retort's own bookkeeping rows are rendered {@linkplain #renderWithParameters with
 *       parameters} as well, so that the connection prepares each shape once; the inline text is unchanged.</li>
 * </ul>
 */
public abstract class StandardSqlRenderer implements SqlRenderer, OperationVisitor<List<Statement>> {

    private final Dialect dialect;

    protected StandardSqlRenderer(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    protected final Dialect dialect() {
        return dialect;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Hooks signal a value or shape the dialect cannot write with an {@link IllegalArgumentException}; it leaves here
     * as a {@link RenderException} naming the operation's file:line.
     */
    @Override
    public final List<Statement> render(Operation operation) {
        try {
            return List.copyOf(operation.accept(this));
        } catch (IllegalArgumentException e) {
            throw new RenderException(operation, dialect.name(), e.getMessage());
        }
    }

    // ---- tables and columns ------------------------------------------------------------------------------------

    @Override
    public List<Statement> visit(CreateTable op) {
        List<String> keyColumns = new ArrayList<>();
        for (ColumnDefinition column : op.columns()) {
            if (column.primaryKey()) {
                keyColumns.add(column.name());
            }
        }
        boolean inlineKey = keyColumns.size() == 1;
        List<String> parts = new ArrayList<>();
        for (ColumnDefinition column : op.columns()) {
            parts.add(columnDefinition(op.name(), column, inlineKey));
        }
        if (keyColumns.size() > 1) {
            parts.add(constraint(new TableConstraint.PrimaryKey(primaryKeyName(op.name()), keyColumns)));
        }
        for (TableConstraint constraint : op.constraints()) {
            parts.add(constraint(constraint));
        }
        return one(op, "CREATE TABLE " + q(op.name()) + " (" + String.join(", ", parts) + ")");
    }

    @Override
    public List<Statement> visit(DropTable op) {
        return one(op, "DROP TABLE " + q(op.name()));
    }

    @Override
    public List<Statement> visit(RenameTable op) {
        return one(op, renameTable(op.from(), op.to()));
    }

    @Override
    public List<Statement> visit(AddColumn op) {
        return one(op, alterTable(op.table()) + " ADD COLUMN " + columnDefinition(op.table(), op.column(), true));
    }

    @Override
    public List<Statement> visit(DropColumn op) {
        return one(op, alterTable(op.table()) + " DROP COLUMN " + q(op.column()));
    }

    @Override
    public List<Statement> visit(RenameColumn op) {
        return one(op, renameColumn(op.table(), op.from(), op.to()));
    }

    /** One statement per changed aspect, in this order: type, default, nullability. */
    @Override
    public List<Statement> visit(AlterColumn op) {
        String column = alterTable(op.table()) + " ALTER COLUMN " + q(op.column()) + " ";
        List<Statement> statements = new ArrayList<>();
        if (op.type() != null) {
            statements.add(statement(op, column + alterType(op.type(), op.using())));
        }
        if (op.defaultChange() != null) {
            statements.add(statement(op, column + (op.defaultChange().drops() ? "DROP DEFAULT"
                    : "SET DEFAULT " + value(op.defaultChange().value()))));
        }
        if (op.nullable() != null) {
            statements.add(statement(op, column + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
        }
        return statements;
    }

    // ---- indexes, constraints, sequences, views ----------------------------------------------------------------

    @Override
    public List<Statement> visit(CreateIndex op) {
        if (op.where() != null && !dialect.supports(Capability.PARTIAL_INDEXES)) {
            throw new RenderException(op, dialect.name(), "partial indexes (where: " + op.where()
                    + ") are not supported; drop the condition or give this dialect its own sql");
        }
        return one(op, "CREATE " + (op.unique() ? "UNIQUE " : "") + "INDEX " + q(op.name()) + " ON " + q(op.table())
                + " (" + names(op.columns()) + ")" + (op.where() == null ? "" : " WHERE " + op.where()));
    }

    @Override
    public List<Statement> visit(DropIndex op) {
        return one(op, "DROP INDEX " + q(op.name()));
    }

    @Override
    public List<Statement> visit(AddConstraint op) {
        return one(op, alterTable(op.table()) + " ADD " + constraint(op.constraint()));
    }

    @Override
    public List<Statement> visit(DropConstraint op) {
        return one(op, alterTable(op.table()) + " DROP CONSTRAINT " + q(op.name()));
    }

    @Override
    public List<Statement> visit(CreateSequence op) {
        return one(op, "CREATE SEQUENCE " + q(op.name())
                + (op.start() == null ? "" : " START WITH " + op.start())
                + (op.increment() == null ? "" : " INCREMENT BY " + op.increment()));
    }

    @Override
    public List<Statement> visit(DropSequence op) {
        return one(op, "DROP SEQUENCE " + q(op.name()));
    }

    @Override
    public List<Statement> visit(CreateView op) {
        return one(op, "CREATE VIEW " + q(op.name()) + " AS " + op.query().strip());
    }

    @Override
    public List<Statement> visit(DropView op) {
        return one(op, "DROP VIEW " + q(op.name()));
    }

    // ---- the author's own SQL and code -------------------------------------------------------------------------

    @Override
    public List<Statement> visit(RawSql op) {
        return op.sqlFor(dialect.name())
                .map(sql -> sql.replaceFirst("[\\s;]+$", ""))
                .filter(sql -> !sql.isEmpty())
                .map(sql -> one(op, sql))
                .orElse(List.of());
    }

    @Override
    public List<Statement> visit(ExecuteJdbc op) {
        return List.of(new JdbcCallback(op.description(), op.work(), op.location()));
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    @Override
    public List<Statement> visit(InsertRows op) {
        return one(op, insert(op, this::value));
    }

    @Override
    public List<Statement> visit(UpdateRows op) {
        return one(op, update(op, this::value));
    }

    @Override
    public List<Statement> visit(DeleteRows op) {
        return one(op, delete(op, this::value));
    }

    /**
     * Binds strings and whole numbers, whose JDBC binding means what their literal means on every engine here;
     * every other value, NULL and expressions stay inline in the parameterized text as well.
     */
    @Override
    public List<Statement> renderWithParameters(Operation op) {
        List<Statement> plain = render(op);
        List<Object> values = new ArrayList<>();
        Function<SqlValue, String> parameter = value -> {
            if (value instanceof SqlValue.Literal literal && (literal.value() instanceof String
                    || literal.value() instanceof Long || literal.value() instanceof Integer)) {
                values.add(literal.value());
                return "?";
            }
            return value(value);
        };
        String parameterized;
        if (op instanceof InsertRows insert) {
            parameterized = insert(insert, parameter);
        } else if (op instanceof UpdateRows update) {
            parameterized = update(update, parameter);
        } else if (op instanceof DeleteRows delete) {
            parameterized = delete(delete, parameter);
        } else {
            return plain;
        }
        String inline = ((SqlStatement) plain.get(0)).sql();
        return List.of(new SqlStatement(inline, op.location(), new SqlStatement.Parameters(parameterized, values)));
    }

    private String insert(InsertRows op, Function<SqlValue, String> values) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(op.table())).append(" (")
                .append(names(op.columns())).append(") VALUES ");
        for (int r = 0; r < op.rows().size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            List<SqlValue> row = op.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(values.apply(row.get(c)));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private String update(UpdateRows op, Function<SqlValue, String> values) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(q(op.table())).append(" SET ");
        String separator = "";
        for (Map.Entry<String, SqlValue> e : op.set().entrySet()) {
            sql.append(separator).append(q(e.getKey())).append(" = ").append(values.apply(e.getValue()));
            separator = ", ";
        }
        return sql.append(where(op.where(), values)).toString();
    }

    private String delete(DeleteRows op, Function<SqlValue, String> values) {
        return "DELETE FROM " + q(op.table()) + where(op.where(), values);
    }

    /** {@code  WHERE a = 1 AND b IS NULL}, or nothing for an empty condition. */
    private String where(Map<String, SqlValue> where, Function<SqlValue, String> values) {
        if (where.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" WHERE ");
        String separator = "";
        for (Map.Entry<String, SqlValue> e : where.entrySet()) {
            sql.append(separator).append(q(e.getKey()));
            if (isNull(e.getValue())) {
                sql.append(" IS NULL");
            } else {
                sql.append(" = ").append(values.apply(e.getValue()));
            }
            separator = " AND ";
        }
        return sql.toString();
    }

    private static boolean isNull(SqlValue value) {
        return value == null || value instanceof SqlValue.Literal l && l.value() == null;
    }

    // ---- hooks -------------------------------------------------------------------------------------------------

    /** The database's spelling of a portable type. */
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case CHAR -> withLength("CHAR", type);
            case VARCHAR -> withLength("VARCHAR", type);
            case TEXT -> "CHARACTER LARGE OBJECT";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case BINARY -> withLength("BINARY VARYING", type);
            case RAW -> type.raw();
        };
    }

    protected static String withLength(String name, ColumnType type) {
        return type.length() == null ? name : name + "(" + type.length() + ")";
    }

    /** What makes a column generate its own values. */
    protected String identity() {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    /**
     * The part after {@code ALTER COLUMN "c" } that changes the type; {@code using} (may be null) is added where the
     * dialect has {@link Capability#ALTER_TYPE_USING} and ignored elsewhere.
     */
    protected String alterType(ColumnType type, String using) {
        return "SET DATA TYPE " + typeName(type)
                + (using != null && dialect.supports(Capability.ALTER_TYPE_USING) ? " USING " + using : "");
    }

    protected String renameTable(String from, String to) {
        return alterTable(from) + " RENAME TO " + q(to);
    }

    protected String renameColumn(String table, String from, String to) {
        return alterTable(table) + " RENAME COLUMN " + q(from) + " TO " + q(to);
    }

    /** How Java values are written as SQL literals. */
    protected SqlLiteral literals() {
        return SqlLiteral.STANDARD;
    }

    // ---- building blocks ---------------------------------------------------------------------------------------

    /** A column as in {@code CREATE TABLE} and {@code ADD COLUMN}; {@code inlineKey} false leaves the key to the table. */
    protected String columnDefinition(String table, ColumnDefinition column, boolean inlineKey) {
        StringBuilder sql = new StringBuilder(q(column.name())).append(' ').append(typeName(column.type()));
        if (column.identity()) {
            if (column.defaultValue() != null) {
                throw new IllegalArgumentException("column " + column.name() + " cannot have both a default and identity");
            }
            sql.append(' ').append(identity());
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(value(column.defaultValue()));
        }
        boolean inlinePrimaryKey = column.primaryKey() && inlineKey;
        if (!column.nullable() && !inlinePrimaryKey) {
            sql.append(" NOT NULL");
        }
        if (inlinePrimaryKey) {
            sql.append(" CONSTRAINT ").append(q(primaryKeyName(table))).append(" PRIMARY KEY");
        }
        if (column.unique()) {
            sql.append(" CONSTRAINT ").append(q(Names.generated("uq", table, List.of(column.name())))).append(" UNIQUE");
        }
        if (column.references() != null) {
            sql.append(" CONSTRAINT ").append(q(Names.generated("fk", table, List.of(column.name()))))
                    .append(' ').append(references(column.references()));
        }
        return sql.toString();
    }

    private static String primaryKeyName(String table) {
        return Names.generated("pk", table, List.of());
    }

    /** {@code CONSTRAINT "name" …}, as in {@code CREATE TABLE} and {@code ADD}. */
    protected String constraint(TableConstraint constraint) {
        String head = "CONSTRAINT " + q(constraint.name()) + " ";
        if (constraint instanceof TableConstraint.PrimaryKey pk) {
            return head + "PRIMARY KEY (" + names(pk.columns()) + ")";
        } else if (constraint instanceof TableConstraint.Unique unique) {
            return head + "UNIQUE (" + names(unique.columns()) + ")";
        } else if (constraint instanceof TableConstraint.Check check) {
            return head + "CHECK (" + check.expression() + ")";
        } else if (constraint instanceof TableConstraint.ForeignKey fk) {
            return head + "FOREIGN KEY (" + names(fk.columns()) + ") " + references(fk.references());
        }
        throw new IllegalStateException("unknown constraint " + constraint);
    }

    protected String references(ForeignKeyReference ref) {
        return "REFERENCES " + q(ref.table()) + " (" + names(ref.columns()) + ")"
                + (ref.onDelete() == null ? "" : " ON DELETE " + ref.onDelete().sql())
                + (ref.onUpdate() == null ? "" : " ON UPDATE " + ref.onUpdate().sql());
    }

    /** A value as SQL: {@code NULL}, a literal, or an expression verbatim. */
    protected String value(SqlValue value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof SqlValue.Expression expression) {
            return expression.sql();
        }
        return literals().of(((SqlValue.Literal) value).value());
    }

    protected String alterTable(String table) {
        return "ALTER TABLE " + q(table);
    }

    protected final String q(String identifier) {
        return dialect.quote(identifier);
    }

    protected final String names(List<String> identifiers) {
        StringBuilder joined = new StringBuilder();
        for (String identifier : identifiers) {
            joined.append(joined.length() == 0 ? "" : ", ").append(q(identifier));
        }
        return joined.toString();
    }

    protected static List<Statement> one(Operation op, String sql) {
        return List.of(statement(op, sql));
    }

    protected static Statement statement(Operation op, String sql) {
        return new SqlStatement(sql, op.location());
    }
}
