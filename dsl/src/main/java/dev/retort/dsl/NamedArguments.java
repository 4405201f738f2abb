package dev.retort.dsl;

import dev.retort.operation.ReferentialAction;

import java.util.List;
import java.util.Map;

/**
 * The named arguments of one DSL call ({@code unique: true, where: 'x > 0'}). Type checking already validated
 * literal maps against the method's {@code @NamedParam}s; this re-checks values that came from a variable.
 */
final class NamedArguments {

    private final String call;
    private final Map<String, ?> values;

    NamedArguments(String call, Map<String, ?> values) {
        this.call = call;
        this.values = values == null ? Map.of() : values;
    }

    String string(String key) {
        return get(key, String.class);
    }

    String requiredString(String key) {
        String value = string(key);
        if (value == null) {
            throw new IllegalArgumentException(call + " needs " + key + ":");
        }
        return value;
    }

    boolean flag(String key) {
        Boolean value = get(key, Boolean.class);
        return value != null && value;
    }

    ReferentialAction action(String key) {
        return get(key, ReferentialAction.class);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        List<?> list = get(key, List.class);
        if (list == null) {
            return null;
        }
        for (Object o : list) {
            if (!(o instanceof CharSequence)) {
                throw new IllegalArgumentException(call + ": " + key + ": takes a list of names, got " + list);
            }
        }
        return list.stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> map(String key) {
        return get(key, Map.class);
    }

    /** A map of column to value; {@code [:]} (every row) must be said explicitly. */
    Map<String, ?> requiredMap(String key) {
        Map<String, ?> map = map(key);
        if (map == null) {
            throw new IllegalArgumentException(call + " needs " + key + ": [column: value] (" + key + ": [:] for every row)");
        }
        return map;
    }

    Object raw(String key) {
        return values.get(key);
    }

    private <T> T get(String key, Class<T> type) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (type == String.class && value instanceof CharSequence) {
            return type.cast(value.toString());
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(call + ": " + key + ": must be a " + type.getSimpleName()
                    + ", got " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
