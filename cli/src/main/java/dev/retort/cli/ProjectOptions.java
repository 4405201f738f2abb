package dev.retort.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command takes, before or after the subcommand name. Each may also come from the environment
 * ({@code RETORT_URL} …) or from {@code retort.properties} in the project folder; {@link Settings} merges them.
 */
public final class ProjectOptions {

    @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The project folder (holding retort.properties); relative paths are resolved against it. Default: the current folder.")
    Path project;

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database (env RETORT_URL, file key url).")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user (env RETORT_USER, file key user).")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, arity = "0..1", interactive = true,
            description = "Database password (env RETORT_PASSWORD, file key password). Never printed.")
    String password;

    @Option(names = "--migrations", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "A migrations folder or classpath:dir; repeatable (env RETORT_MIGRATIONS, comma-separated; file key migrations).")
    List<String> migrations = new ArrayList<>();

    @Option(names = "--dialect", scope = ScopeType.INHERIT,
            description = "Database dialect (h2, postgresql); normally taken from the URL (env RETORT_DIALECT, file key dialect).")
    String dialect;

    @Option(names = "--version-table", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Name of the version table (file key version_table). Default: retort_version.")
    String versionTable;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long to keep trying to connect to a database that is not reachable yet (restarting, starting up, an H2 file another process has open), e.g. 0s, 30s (env RETORT_CONNECT_TIMEOUT, file key connect_timeout). Default: 30s.")
    String connectTimeout;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long to wait for another migrator's lock, e.g. 30s, 5m (env RETORT_LOCK_TIMEOUT, file key lock_timeout). Default: 5m.")
    String lockTimeout;

    @Option(names = "--statement-lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long each migration statement may wait for a table lock before failing (PostgreSQL lock_timeout; file key statement_lock_timeout). Default: none.")
    String statementLockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long each migration statement may run (PostgreSQL statement_timeout; file key statement_timeout). Default: none.")
    String statementTimeout;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and debug logging.")
    boolean debug;
}
