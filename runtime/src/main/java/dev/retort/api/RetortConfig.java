package dev.retort.api;

import dev.retort.execution.ExecutionListener;
import dev.retort.revision.MigrationSource;
import dev.retort.versiontable.HistoryTable;
import dev.retort.versiontable.VersionTable;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Retort} needs, validated once by {@link Builder#build()}. Every message names the setting.
 * Nothing here reads the environment: the CLI (or the embedding application) decides where values come from.
 */
public record RetortConfig(DataSource dataSource, String url, String user, String password,
                           List<String> locations, MigrationSource source, String dialect,
                           String versionTable, String historyTable, ExecutionListener listener,
                           ClassLoader classLoader, java.time.Duration lockTimeout,
                           dev.retort.execution.Timeouts timeouts, boolean allowChangedScripts,
                           java.nio.file.Path cacheDirectory) {

    /** How long a migrator waits for another to finish before giving up. */
    public static final java.time.Duration DEFAULT_LOCK_TIMEOUT = java.time.Duration.ofMinutes(5);

    public RetortConfig {
        locations = List.copyOf(locations);
    }

    /** The URL with its password masked, for messages. */
    public String maskedUrl() {
        return url == null ? "the configured DataSource" : MaskedUrl.of(url);
    }

    @Override
    public String toString() {
        return "RetortConfig[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", locations=" + locations + ", dialect=" + dialect + ", versionTable=" + versionTable + "]";
    }

    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private final List<String> locations = new ArrayList<>();
        private MigrationSource source;
        private String dialect;
        private String versionTable = VersionTable.DEFAULT_NAME;
        private String historyTable = HistoryTable.DEFAULT_NAME;
        private ExecutionListener listener = ExecutionListener.NONE;
        private ClassLoader classLoader;
        private java.time.Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private dev.retort.execution.Timeouts timeouts = dev.retort.execution.Timeouts.NONE;
        private boolean allowChangedScripts;
        private java.nio.file.Path cacheDirectory;

        Builder() {
        }

        /**
         * Migrate through connections from this pool; Retort takes what it needs and closes them when done. A URL
         * given as well is used only to name the database in messages and pick the dialect.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Folders, or {@code classpath:some/dir}; several may be given. */
        public Builder locations(String... locations) {
            return locations(List.of(locations));
        }

        public Builder locations(List<String> locations) {
            this.locations.addAll(locations);
            return this;
        }

        /** Supply revisions another way than script files (a Java-only application). */
        public Builder source(MigrationSource source) {
            this.source = source;
            return this;
        }

        /** Force a dialect by name; by default it follows from the URL. */
        public Builder dialect(String dialect) {
            this.dialect = dialect;
            return this;
        }

        public Builder versionTable(String versionTable) {
            this.versionTable = versionTable;
            return this;
        }

        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        public Builder listener(ExecutionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How long to wait for another migrator's lock (default 5 minutes). */
        public Builder lockTimeout(java.time.Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Per-migration limits: how long each statement may wait for a lock and run (PostgreSQL's
         * {@code lock_timeout}/{@code statement_timeout}); null for the database's default.
         */
        public Builder timeouts(java.time.Duration statementLockTimeout, java.time.Duration statementTimeout) {
            try {
                this.timeouts = new dev.retort.execution.Timeouts(statementLockTimeout, statementTimeout);
            } catch (IllegalArgumentException e) {
                throw invalid("timeouts: " + e.getMessage());
            }
            return this;
        }

        /**
         * Keep compiled scripts in this folder between runs, keyed by their text: an unchanged script is compiled
         * once. Safe to delete at any time; null (the default for the API) compiles every time.
         */
        public Builder cacheDirectory(java.nio.file.Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return this;
        }

        /** Upgrade even when applied scripts changed since they ran (normally refused, naming the files). */
        public Builder allowChangedScripts(boolean allow) {
            this.allowChangedScripts = allow;
            return this;
        }

        /** Where {@code classpath:} locations and migration formats are looked up; defaults to the context loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Validates and returns a ready {@link Retort}. */
        public Retort load() {
            return new Retort(build());
        }

        public RetortConfig build() {
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw invalid("lockTimeout must be zero or positive, got " + lockTimeout);
            }
            if (url != null && !url.startsWith("jdbc:")) {
                throw invalid("url must be a JDBC URL starting with 'jdbc:', got '" + MaskedUrl.of(url) + "'");
            }
            if (source != null && !locations.isEmpty()) {
                throw invalid("give either locations or a source, not both");
            }
            if (source == null && locations.isEmpty()) {
                throw invalid("locations: at least one migrations folder (or classpath:dir) is required");
            }
            for (String location : locations) {
                if (location == null || location.isBlank()) {
                    throw invalid("locations: an empty location was given");
                }
            }
            requireTableName("versionTable", versionTable);
            requireTableName("historyTable", historyTable);
            if (versionTable.equalsIgnoreCase(historyTable)) {
                throw invalid("versionTable and historyTable must differ, both are '" + versionTable + "'");
            }
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            return new RetortConfig(dataSource, url, user, password, locations, source,
                    dialect == null ? null : dialect.toLowerCase(java.util.Locale.ROOT),
                    versionTable, historyTable, listener, loader, lockTimeout, timeouts, allowChangedScripts,
                    cacheDirectory);
        }

        private static void requireTableName(String setting, String value) {
            if (value == null || !value.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw invalid(setting + " must be a plain table name ([A-Za-z_][A-Za-z0-9_]*, at most 63 characters), got '" + value + "'");
            }
        }

        private static RetortException invalid(String message) {
            return new RetortException(ErrorCode.CONFIGURATION, "invalid configuration: " + message);
        }
    }
}
