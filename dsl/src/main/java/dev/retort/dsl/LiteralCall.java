package dev.retort.dsl;

import java.util.List;
import java.util.Map;

/**
 * One DSL call of a literal script, as read without Groovy: {@code name(arguments, named: values) { block }}.
 * Values are what Groovy would pass: {@code String}, {@code Integer}, {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code null}, lists ({@code ArrayList}), maps ({@code LinkedHashMap}), and the {@link Types}
 * vocabulary ({@code ColumnType}, {@code ReferentialAction}, {@code SqlValue}); a bare {@code UUID} argument is
 * {@link #BARE_UUID}, which only a parameter taking a column type accepts.
 *
 * @param arguments positional arguments in order (may hold nulls)
 * @param named     named arguments in the order written, empty when there are none
 * @param block     the statements of a trailing {@code { }}, or null when the call has none
 * @param line      the line where the call starts
 */
public record LiteralCall(String name, List<Object> arguments, Map<String, Object> named, List<LiteralCall> block,
                          int line) {

    /** A bare {@code UUID}: the column type where a column type is expected (as the compiler rewrites it). */
    public static final Object BARE_UUID = new Object() {
        @Override
        public String toString() {
            return "UUID";
        }
    };
}
