package dev.retort.operation;

/**
 * A value written into SQL: a literal the dialect renders (and escapes) itself, or an expression passed through
 * as the user wrote it ({@code CURRENT_TIMESTAMP}, {@code nextval('s')}).
 */
public sealed interface SqlValue {

    /** A Java value: null, String, Number, Boolean, java.time date/time values, UUID, byte[]. */
    record Literal(Object value) implements SqlValue {
        public Literal {
            if (value != null && !isSupported(value)) {
                throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                        + " as an SQL literal; use a String, number, boolean, date/time, UUID or byte[]");
            }
        }

        private static boolean isSupported(Object v) {
            return v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                    || v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.UUID
                    || v instanceof byte[] || v instanceof Enum<?>;
        }
    }

    /** SQL text used verbatim. */
    record Expression(String sql) implements SqlValue {
        public Expression {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("an SQL expression must not be empty");
            }
        }
    }

    static SqlValue literal(Object value) {
        return value instanceof SqlValue v ? v : new Literal(value);
    }

    static SqlValue expression(String sql) {
        return new Expression(sql);
    }
}
