package dev.retort.dialect.postgresql;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.IdentifierCase;
import dev.retort.dialect.SqlRenderer;
import dev.retort.execution.ConnectionSource;
import dev.retort.lock.LockOwner;
import dev.retort.lock.MigrationLock;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** PostgreSQL. Unquoted names fold to lower case; DDL is transactional. */
public final class PostgresDialect implements Dialect {

    public static final String NAME = "postgresql";

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.TRANSACTIONAL_DDL, Capability.PARTIAL_INDEXES, Capability.ALTER_TYPE_USING,
            Capability.ADVISORY_LOCKS, Capability.LOCAL_TIMEOUTS));

    private final SqlRenderer renderer = new PostgresSqlRenderer(this);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Capability capability) {
        return CAPABILITIES.contains(capability);
    }

    @Override
    public SqlRenderer renderer() {
        return renderer;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String quote(String identifier) {
        return IdentifierCase.LOWER.quote(identifier);
    }

    @Override
    public MigrationLock lock(ConnectionSource connections, String versionTable, LockOwner owner) {
        return new PostgresAdvisoryLock(connections, versionTable);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
