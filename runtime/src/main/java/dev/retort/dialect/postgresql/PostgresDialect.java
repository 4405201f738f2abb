package dev.retort.dialect.postgresql;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.IdentifierCase;
import dev.retort.dialect.SqlLiteral;
import dev.retort.dialect.SqlRenderer;
import dev.retort.dialect.SqlStatement;
import dev.retort.execution.ConnectionSource;
import dev.retort.execution.Timeouts;
import dev.retort.lock.LockOwner;
import dev.retort.lock.MigrationLock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /**
     * From {@code pg_tables}, which lists every table: {@code information_schema.tables} leaves out tables the user
     * has no privilege on, and a version table that exists but cannot be read must fail as "permission denied", not
     * look missing and be created again.
     */
    @Override
    public String tableExists(String table) {
        return "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = "
                + SqlLiteral.STANDARD.of(catalogName(table));
    }

    /** {@code SET LOCAL} inside the migration's transaction; outside one, session settings the executor resets. */
    @Override
    public List<SqlStatement> timeouts(Timeouts timeouts, boolean transactional) {
        String set = transactional ? "SET LOCAL " : "SET ";
        List<SqlStatement> statements = new ArrayList<>();
        if (timeouts.lockTimeout() != null) {
            statements.add(new SqlStatement(set + "lock_timeout = '" + timeouts.lockTimeout().toMillis() + "ms'", null));
        }
        if (timeouts.statementTimeout() != null) {
            statements.add(new SqlStatement(set + "statement_timeout = '" + timeouts.statementTimeout().toMillis() + "ms'", null));
        }
        return statements;
    }

    /** {@code clock_timestamp()} moves during the transaction; {@code transaction_timestamp()} is its start. */
    @Override
    public String millisSinceTransactionStart() {
        return "CAST(EXTRACT(EPOCH FROM clock_timestamp() - transaction_timestamp()) * 1000 AS BIGINT)";
    }

    @Override
    public List<SqlStatement> resetTimeouts(Timeouts timeouts) {
        List<SqlStatement> statements = new ArrayList<>();
        if (timeouts.lockTimeout() != null) {
            statements.add(new SqlStatement("RESET lock_timeout", null));
        }
        if (timeouts.statementTimeout() != null) {
            statements.add(new SqlStatement("RESET statement_timeout", null));
        }
        return statements;
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
