package dev.retort.testsupport;

/** The engines a spec can run over: {@code where: engine << DatabaseEngine.values()}. */
public enum DatabaseEngine {
    H2 {
        @Override
        public TestDatabase fresh() {
            return H2Databases.fresh();
        }
    },
    POSTGRESQL {
        @Override
        public TestDatabase fresh() {
            return PostgresServer.freshSchema();
        }
    };

    /** A new isolated database of this engine; skips or fails the test when the engine cannot be had. */
    public abstract TestDatabase fresh();

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
