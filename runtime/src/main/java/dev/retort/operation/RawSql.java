package dev.retort.operation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SQL the author wrote, for any dialect ({@link #ANY_DIALECT}) or per dialect name. {@code reverse} is the SQL that
 * undoes it, when the author gave one.
 */
public record RawSql(Map<String, String> sqlByDialect, RawSql reverseSql, SourceLocation location) implements Operation {

    public static final String ANY_DIALECT = "*";

    public RawSql {
        if (sqlByDialect == null || sqlByDialect.isEmpty()) {
            throw new IllegalArgumentException("sql needs a statement");
        }
        sqlByDialect.forEach((dialect, sql) -> {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("sql for " + dialect + " must not be empty");
            }
        });
        sqlByDialect = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sqlByDialect));
    }

    public static RawSql of(String sql, SourceLocation location) {
        return new RawSql(Map.of(ANY_DIALECT, sql), null, location);
    }

    /** The statement for a dialect: its own entry, else the one for any dialect. */
    public Optional<String> sqlFor(String dialect) {
        String own = sqlByDialect.get(dialect);
        return Optional.ofNullable(own != null ? own : sqlByDialect.get(ANY_DIALECT));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(reverseSql).map(r -> new RawSql(r.sqlByDialect(), this, location));
    }

    @Override
    public String describe() {
        String first = sqlByDialect.values().iterator().next().strip();
        return "sql " + (first.length() > 40 ? first.substring(0, 40) + "…" : first);
    }
}
