package dev.retort.dialect.h2;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.IdentifierCase;
import dev.retort.dialect.SqlRenderer;

/**
 * H2 2.x in its own (not a compatibility) mode. Unquoted names fold to upper case.
 * <p>
 * No capabilities: in particular not {@link Capability#TRANSACTIONAL_DDL}. In H2 2.3 every DDL statement commits
 * the open transaction: a {@code CREATE TABLE} run with auto-commit off survives a rollback, and so do the rows
 * inserted before it in the same transaction (checked in {@code TransactionalDdlSpec}). H2 has no partial indexes,
 * no {@code ALTER … TYPE … USING}, no advisory locks and no per-transaction timeouts.
 */
public final class H2Dialect implements Dialect {

    public static final String NAME = "h2";

    private final SqlRenderer renderer = new H2SqlRenderer(this);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Capability capability) {
        return false;
    }

    @Override
    public SqlRenderer renderer() {
        return renderer;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String quote(String identifier) {
        return IdentifierCase.UPPER.quote(identifier);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
