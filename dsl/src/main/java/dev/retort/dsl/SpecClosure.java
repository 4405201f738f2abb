package dev.retort.dsl;

import groovy.lang.Closure;

import java.util.function.Consumer;

/** Runs a DSL block with its spec object as delegate, delegate first, as its {@code @DelegatesTo} promises. */
final class SpecClosure {

    private SpecClosure() {
    }

    /** A block body that runs the closure with its spec as delegate; null stays null ("needs a block"). */
    static <T> Consumer<T> body(Closure<?> closure) {
        return closure == null ? null : spec -> call(closure, spec);
    }

    static <T> T call(Closure<?> body, T spec) {
        if (body != null) {
            Closure<?> copy = body.rehydrate(spec, body.getOwner(), body.getThisObject());
            copy.setResolveStrategy(Closure.DELEGATE_FIRST);
            copy.call();
        }
        return spec;
    }
}
