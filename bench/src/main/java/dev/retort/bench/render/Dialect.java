package dev.retort.bench.render;

/** The databases the benchmark runs on; names as Retort spells them. */
public enum Dialect {
    H2("h2"), POSTGRESQL("postgresql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
