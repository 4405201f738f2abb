package dev.retort.dsl.compile;

import dev.retort.dsl.AlterColumnSpec;
import dev.retort.dsl.ColumnSpec;
import dev.retort.dsl.OperationsSpec;
import dev.retort.dsl.TableSpec;
import dev.retort.operation.ColumnType;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DSL calls that take a column type, where a bare {@code UUID} means {@code Types.UUID} rather than the class
 * {@code java.util.UUID} that Groovy imports by default. The compiler and the literal reader agree on it here.
 */
final class ColumnTypeCalls {

    static final Set<String> NAMES = Stream.of(
                    OperationsSpec.class, TableSpec.class, ColumnSpec.class, AlterColumnSpec.class)
            .flatMap(c -> Arrays.stream(c.getMethods()))
            .filter(m -> Arrays.asList(m.getParameterTypes()).contains(ColumnType.class))
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private ColumnTypeCalls() {
    }
}
