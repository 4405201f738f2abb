package dev.retort.dsl;

import dev.retort.operation.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of a literal script, its arguments taken as one DSL method's parameters, with the types type checking
 * would demand; any mismatch is {@link LiteralScript.NotLiteral}, and the script is compiled instead.
 */
final class LiteralArguments {

    private final LiteralCall call;

    LiteralArguments(LiteralCall call) {
        this.call = call;
    }

    String name() {
        return call.name();
    }

    LiteralScript.NotLiteral unknown() {
        return new LiteralScript.NotLiteral(call.name() + " at line " + call.line()
                + " is not a literal DSL call here");
    }

    private LiteralScript.NotLiteral mismatch() {
        return new LiteralScript.NotLiteral(call.name() + " at line " + call.line()
                + ": arguments the reader does not take");
    }

    /** No named arguments and no block. */
    LiteralArguments only() {
        if (hasNamed() || hasBlock()) {
            throw mismatch();
        }
        return this;
    }

    LiteralArguments noNamed() {
        if (hasNamed()) {
            throw mismatch();
        }
        return this;
    }

    LiteralArguments noBlock() {
        if (hasBlock()) {
            throw mismatch();
        }
        return this;
    }

    boolean hasNamed() {
        return !call.named().isEmpty();
    }

    boolean hasBlock() {
        return call.block() != null;
    }

    int positional() {
        return call.arguments().size();
    }

    LiteralArguments count(int n) {
        if (positional() != n) {
            throw mismatch();
        }
        return this;
    }

    LiteralArguments atLeast(int n) {
        if (positional() < n) {
            throw mismatch();
        }
        return this;
    }

    List<LiteralCall> block() {
        if (!hasBlock() || hasNamed()) {
            throw mismatch();
        }
        return call.block();
    }

    List<LiteralCall> optionalBlock() {
        return call.block();
    }

    Object value(int i) {
        Object value = call.arguments().get(i);
        if (value == LiteralCall.BARE_UUID) {
            throw mismatch();
        }
        return value;
    }

    String string(int i) {
        if (call.arguments().get(i) instanceof String text) {
            return text;
        }
        throw mismatch();
    }

    String nullableString(int i) {
        return call.arguments().get(i) == null ? null : string(i);
    }

    boolean flag(int i) {
        if (call.arguments().get(i) instanceof Boolean flag) {
            return flag;
        }
        throw mismatch();
    }

    long number(int i) {
        Object value = call.arguments().get(i);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw mismatch();
    }

    ColumnType type(int i) {
        Object value = call.arguments().get(i);
        if (value == LiteralCall.BARE_UUID) {
            return Types.UUID;
        }
        if (value instanceof ColumnType type) {
            return type;
        }
        throw mismatch();
    }

    /** The positional arguments from {@code from} on, each a string (a varargs parameter). */
    String[] strings(int from) {
        String[] strings = new String[Math.max(0, positional() - from)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = string(from + i);
        }
        return strings;
    }

    /** Header ids: one string, null, one list of strings, or (where {@code several}) several strings. */
    List<String> ids(boolean several) {
        List<Object> values = call.arguments();
        if (values.size() == 1 && values.get(0) == null) {
            return List.of();
        }
        if (values.size() == 1 && values.get(0) instanceof List<?> list) {
            return strings(list);
        }
        if (values.isEmpty() || (values.size() > 1 && !several)) {
            throw mismatch();
        }
        return List.of(strings(0));
    }

    private List<String> strings(List<?> list) {
        List<String> strings = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String text)) {
                throw mismatch();
            }
            strings.add(text);
        }
        return strings;
    }

    Map<String, Object> namedMap() {
        return call.named();
    }

    /** The named arguments, each of its declared type; type checking refuses a null named argument. */
    Map<String, ?> named(Map<String, Class<?>> declared, Set<String> required) {
        for (Map.Entry<String, Object> entry : call.named().entrySet()) {
            Class<?> type = declared.get(entry.getKey());
            if (type == null || !type.isInstance(entry.getValue())) {
                throw mismatch();
            }
        }
        if (!call.named().keySet().containsAll(required)) {
            throw mismatch();
        }
        return call.named();
    }

    /** A {@code Map<String, String>} of dialect to SQL. */
    @SuppressWarnings("unchecked")
    Map<String, String> dialectMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch();
        }
        for (Object sql : map.values()) {
            if (!(sql instanceof String)) {
                throw mismatch();
            }
        }
        return (Map<String, String>) map;
    }

    /** Rows for insert: a list of maps. */
    @SuppressWarnings("unchecked")
    List<? extends Map<String, ?>> rows(int i) {
        if (!(call.arguments().get(i) instanceof List<?> list)) {
            throw mismatch();
        }
        for (Object row : list) {
            if (!(row instanceof Map<?, ?>)) {
                throw mismatch();
            }
        }
        return (List<? extends Map<String, ?>>) list;
    }
}
