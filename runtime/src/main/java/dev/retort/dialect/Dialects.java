package dev.retort.dialect;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dialect.h2.H2Dialect;
import dev.retort.dialect.postgresql.PostgresDialect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The dialects a Retort instance knows, chosen by JDBC URL or by name. A value: build one with the ones you need. */
public final class Dialects {

    private final List<Dialect> dialects;

    public Dialects(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
        Set<String> names = new HashSet<>();
        for (Dialect d : this.dialects) {
            if (!names.add(d.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two dialects are named " + d.name());
            }
        }
    }

    /** H2 and PostgreSQL. */
    public static Dialects standard() {
        return new Dialects(List.of(new H2Dialect(), new PostgresDialect()));
    }

    public List<Dialect> all() {
        return dialects;
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws RetortException ({@link ErrorCode#CONFIGURATION}) naming the URL (passwords masked) and the known dialects
     */
    public Dialect forUrl(String jdbcUrl) {
        return dialects.stream().filter(d -> d.acceptsUrl(jdbcUrl)).findFirst()
                .orElseThrow(() -> new RetortException(ErrorCode.CONFIGURATION, "no dialect for the URL "
                        + masked(jdbcUrl) + "; known dialects: " + known()));
    }

    /**
     * The dialect with a name, ignoring case.
     *
     * @throws RetortException ({@link ErrorCode#CONFIGURATION}) naming the known dialects
     */
    public Dialect byName(String name) {
        return dialects.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new RetortException(ErrorCode.CONFIGURATION, "unknown dialect '" + name
                        + "'; known dialects: " + known()));
    }

    private String known() {
        return dialects.isEmpty() ? "none" : dialects.stream().map(Dialect::name).collect(Collectors.joining(", "));
    }

    private static String masked(String url) {
        if (url == null) {
            return "null";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "Dialects[" + known() + "]";
    }
}
