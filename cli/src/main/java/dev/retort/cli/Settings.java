package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The effective configuration of one CLI run: a flag wins over the environment, the environment over
 * {@code retort.properties} in the project folder. Relative paths resolve against the project folder, and
 * {@code ${projectDir}} in a URL stands for its absolute path (for file databases such as H2).
 */
public record Settings(Path project, String url, String user, String password, List<String> migrations,
                       String dialect, String versionTable, Duration lockTimeout, Duration statementLockTimeout,
                       Duration statementTimeout, Duration connectTimeout, Path cacheDirectory) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    public static final String FILE_NAME = "retort.properties";
    private static final Set<String> KEYS = Set.of("url", "user", "password", "migrations", "dialect", "version_table",
            "lock_timeout", "statement_lock_timeout", "statement_timeout", "connect_timeout", "cache_dir");

    static Settings resolve(ProjectOptions flags, Map<String, String> env) {
        Path project = (flags.project == null ? Path.of("") : flags.project).toAbsolutePath().normalize();
        if (flags.project != null && !Files.isDirectory(project)) {
            throw new RetortException(ErrorCode.CONFIGURATION, "project folder " + flags.project + " does not exist");
        }
        Properties file = readFile(project.resolve(FILE_NAME));
        String url = first(flags.url, env.get("RETORT_URL"), file.getProperty("url"));
        if (url != null) {
            url = url.replace("${projectDir}", project.toString().replace('\\', '/'));
        }
        List<String> migrations = !flags.migrations.isEmpty() ? flags.migrations
                : split(first(env.get("RETORT_MIGRATIONS"), file.getProperty("migrations"), "migrations"));
        List<String> resolved = migrations.stream()
                .map(m -> m.startsWith("classpath:") ? m : project.resolve(m).normalize().toString())
                .toList();
        return new Settings(project, url,
                first(flags.user, env.get("RETORT_USER"), file.getProperty("user")),
                first(flags.password, env.get("RETORT_PASSWORD"), file.getProperty("password")),
                resolved,
                first(flags.dialect, env.get("RETORT_DIALECT"), file.getProperty("dialect")),
                first(flags.versionTable, null, file.getProperty("version_table")),
                DurationText.parse("lock timeout", first(flags.lockTimeout, env.get("RETORT_LOCK_TIMEOUT"), file.getProperty("lock_timeout"))),
                DurationText.parse("statement lock timeout", first(flags.statementLockTimeout, null, file.getProperty("statement_lock_timeout"))),
                DurationText.parse("statement timeout", first(flags.statementTimeout, null, file.getProperty("statement_timeout"))),
                DurationText.parse("connect timeout", first(flags.connectTimeout, env.get("RETORT_CONNECT_TIMEOUT"),
                        file.getProperty("connect_timeout"), DurationText.format(DEFAULT_CONNECT_TIMEOUT))),
                cacheDirectory(project, first(env.get("RETORT_CACHE_DIR"), file.getProperty("cache_dir"), ".retort-cache")));
    }

    /** {@code none} turns the compiled-script cache off. */
    private static Path cacheDirectory(Path project, String value) {
        return value.equalsIgnoreCase("none") ? null : project.resolve(value).normalize();
    }

    /** The first folder location, where new revision files are written. */
    Path firstFolder() {
        return migrations.stream().filter(m -> !m.startsWith("classpath:")).findFirst().map(Path::of)
                .orElseThrow(() -> new RetortException(ErrorCode.CONFIGURATION,
                        "no migrations folder configured to write into (only classpath: locations)"));
    }

    private static Properties readFile(Path path) {
        Properties properties = new Properties();
        if (!Files.isRegularFile(path)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new RetortException(ErrorCode.CONFIGURATION, "cannot read " + path + ": " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new RetortException(ErrorCode.CONFIGURATION, path + ": unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return properties;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(parts::add);
        return parts;
    }

    @Override
    public String toString() {
        return "Settings[project=" + project + ", url=" + dev.retort.api.MaskedUrl.of(url) + ", user=" + user
                + ", password=" + (password == null ? "none" : "****") + ", migrations=" + migrations + "]";
    }
}
