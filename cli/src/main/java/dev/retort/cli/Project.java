package dev.retort.cli;

import dev.retort.api.Retort;
import dev.retort.api.RetortConfig;
import dev.retort.execution.ExecutionListener;

import java.io.PrintWriter;

/**
 * The composition root of one CLI run: settings in, a configured {@link Retort} out. Connections are made only when
 * a command needs the database, so offline commands never connect.
 */
final class Project {

    private final Settings settings;
    private final ExecutionListener listener;
    private final PrintWriter progress;
    private Retort retort;
    private boolean allowChangedScripts;

    Project(Settings settings, PrintWriter progress) {
        this.settings = settings;
        this.listener = new ProgressPrinter(progress);
        this.progress = progress;
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
                config.dataSource(new DriverConnections(settings.url(), settings.user(), settings.password(),
                        settings.connectTimeout(), progress));
            }
            retort = config.load();
        }
        return retort;
    }
}
