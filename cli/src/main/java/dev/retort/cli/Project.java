package dev.retort.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.api.Retort;
import dev.retort.api.RetortConfig;
import dev.retort.execution.ExecutionListener;

import java.io.PrintWriter;

/**
 * The composition root of one CLI run: settings in, a configured {@link Retort} out. The connection pool is made
 * only when a command first needs the database, so offline commands never connect.
 */
final class Project implements AutoCloseable {

    private final Settings settings;
    private final ExecutionListener listener;
    private HikariDataSource pool;
    private Retort retort;
    private boolean allowChangedScripts;

    Project(Settings settings, PrintWriter progress) {
        this.settings = settings;
        this.listener = new ProgressPrinter(progress);
    }

    Settings settings() {
        return settings;
    }

    /** For {@code upgrade --allow-changed}; must be called before {@link #retort()}. */
    void allowChangedScripts() {
        this.allowChangedScripts = true;
    }

    Retort retort() {
        if (retort == null) {
            RetortConfig.Builder config = Retort.configure()
                    .url(settings.url())
                    .user(settings.user())
                    .password(settings.password())
                    .locations(settings.migrations())
                    .dialect(settings.dialect())
                    .timeouts(settings.statementLockTimeout(), settings.statementTimeout())
                    .allowChangedScripts(allowChangedScripts)
                    .cacheDirectory(settings.cacheDirectory())
                    .listener(listener);
            if (settings.lockTimeout() != null) {
                config.lockTimeout(settings.lockTimeout());
            }
            if (settings.versionTable() != null) {
                config.versionTable(settings.versionTable());
            }
            if (settings.url() != null) {
                config.dataSource(new LazyPool(this::pool));
            }
            retort = config.load();
        }
        return retort;
    }

    private synchronized HikariDataSource pool() {
        if (pool == null) {
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(settings.url());
            hikari.setUsername(settings.user());
            hikari.setPassword(settings.password());
            hikari.setPoolName("retort");
            hikari.setMaximumPoolSize(2);
            hikari.setMinimumIdle(0);
            hikari.setAutoCommit(true);
            // generous: a database restarting, or processes taking turns at an H2 file, must not fail a deploy
            hikari.setConnectionTimeout(30_000);
            // fail at first use with the driver's own reason, not at pool construction
            hikari.setInitializationFailTimeout(-1);
            pool = new HikariDataSource(hikari);
        }
        return pool;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
