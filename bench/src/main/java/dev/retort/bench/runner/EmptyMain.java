package dev.retort.bench.runner;

/** Does nothing: run under {@link Probe}, it measures a bare JVM's start and exit, the cost every tool pays. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing
    }
}
