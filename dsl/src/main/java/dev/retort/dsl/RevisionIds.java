package dev.retort.dsl;

import java.util.random.RandomGenerator;

/** New revision ids: 12 lowercase hex digits (48 random bits), as Alembic makes them. */
public final class RevisionIds {

    private final RandomGenerator random;

    /** @param random a {@code SecureRandom} in production; a seeded generator in tests */
    public RevisionIds(RandomGenerator random) {
        this.random = random;
    }

    public String generate() {
        return String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }
}
