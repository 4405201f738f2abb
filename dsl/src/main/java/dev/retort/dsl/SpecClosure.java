package dev.retort.dsl;

import groovy.lang.Closure;

/** Runs a DSL block with its spec object as delegate, delegate first, as its {@code @DelegatesTo} promises. */
final class SpecClosure {

    private SpecClosure() {
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
