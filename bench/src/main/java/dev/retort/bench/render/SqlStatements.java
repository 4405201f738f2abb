package dev.retort.bench.render;

import dev.retort.bench.model.Column;
import dev.retort.bench.model.ColumnType;
import dev.retort.bench.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain SQL for each step, per dialect: the statements of Flyway's migrations and of the raw JDBC floor. They match
 * what Retort's renderers write for the same DSL (same constraint names, types and literals) except that
 * identifiers are not quoted, which on both databases means the same object (all names here are lower case).
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static List<String> of(Step step, Dialect dialect) {
        if (step instanceof Step.CreateTable s) {
            List<String> parts = new ArrayList<>();
            for (Column c : s.columns()) {
                parts.add(c.primaryKey()
                        ? c.name() + " " + type(c.type(), dialect) + " CONSTRAINT pk_" + s.table() + " PRIMARY KEY"
                        : c.name() + " " + type(c.type(), dialect) + (c.notNull() ? " NOT NULL" : ""));
            }
            return List.of("CREATE TABLE " + s.table() + " (" + String.join(", ", parts) + ")");
        } else if (step instanceof Step.AddColumn s) {
            return List.of("ALTER TABLE " + s.table() + " ADD COLUMN " + s.column().name() + " " + type(s.column().type(), dialect));
        } else if (step instanceof Step.CreateIndex s) {
            return List.of("CREATE INDEX " + s.name() + " ON " + s.table() + " (" + s.column() + ")");
        } else if (step instanceof Step.AddForeignKey s) {
            return List.of("ALTER TABLE " + s.table() + " ADD CONSTRAINT " + s.name() + " FOREIGN KEY (" + s.column()
                    + ") REFERENCES " + s.referencedTable() + " (id)");
        } else if (step instanceof Step.RenameColumn s) {
            return List.of("ALTER TABLE " + s.table() + " RENAME COLUMN " + s.from() + " TO " + s.to());
        } else if (step instanceof Step.DropColumn s) {
            return List.of("ALTER TABLE " + s.table() + " DROP COLUMN " + s.column().name());
        } else if (step instanceof Step.Insert s) {
            String columns = s.columns().stream().map(Column::name).collect(Collectors.joining(", "));
            String rows = s.rows().stream()
                    .map(row -> row.stream().map(Literals::sql).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            return List.of("INSERT INTO " + s.table() + " (" + columns + ") VALUES " + rows);
        }
        throw new IllegalArgumentException("unknown step " + step);
    }

    /** Retort's spelling: {@code NUMERIC(p,s)}; TEXT is {@code TEXT} on PostgreSQL, unbounded {@code CHARACTER VARYING} on H2. */
    static String type(ColumnType type, Dialect dialect) {
        return switch (type.kind()) {
            case BIGINT -> "BIGINT";
            case INTEGER -> "INTEGER";
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case DECIMAL -> "NUMERIC(" + type.precision() + "," + type.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TEXT -> dialect == Dialect.POSTGRESQL ? "TEXT" : "CHARACTER VARYING";
        };
    }
}
