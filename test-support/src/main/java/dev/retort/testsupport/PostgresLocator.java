package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides where the tests' PostgreSQL comes from. Every input is injected, so the decision itself is tested without
 * a network; {@link #forThisMachine()} wires the real ones.
 * <ol>
 *   <li>{@code RETORT_TEST_PG_URL} (with {@code RETORT_TEST_PG_USER}, {@code RETORT_TEST_PG_PASSWORD}) wins. If it
 *       does not answer that is an error, CI or not: someone asked for that server.</li>
 *   <li>Otherwise a Testcontainers PostgreSQL, when a Docker engine answers.</li>
 *   <li>Otherwise the server on {@value #LOCAL_URL} as {@code postgres}.</li>
 *   <li>None answers: with {@code CI} set the tests fail, else they are skipped.</li>
 * </ol>
 */
public final class PostgresLocator {

    public static final String URL_VARIABLE = "RETORT_TEST_PG_URL";
    public static final String USER_VARIABLE = "RETORT_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "RETORT_TEST_PG_PASSWORD";
    public static final String CI_VARIABLE = "CI";
    public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Function<String, String> environment;
    private final BooleanSupplier dockerAnswers;
    private final Supplier<PostgresEndpoint> container;
    private final Function<PostgresEndpoint, Optional<String>> connectionFailure;

    /**
     * @param environment       reads an environment variable (null when unset)
     * @param dockerAnswers     whether a Docker engine answers; must not hang
     * @param container         starts a PostgreSQL container and says where it is; may throw
     * @param connectionFailure why a server cannot be used, or empty when it answers
     */
    public PostgresLocator(Function<String, String> environment, BooleanSupplier dockerAnswers,
                           Supplier<PostgresEndpoint> container,
                           Function<PostgresEndpoint, Optional<String>> connectionFailure) {
        this.environment = environment;
        this.dockerAnswers = dockerAnswers;
        this.container = container;
        this.connectionFailure = connectionFailure;
    }

    /** The real environment, Docker and network. */
    public static PostgresLocator forThisMachine() {
        return new PostgresLocator(System::getenv, PostgresContainer::dockerAnswers, PostgresContainer::start,
                PostgresLocator::connectionFailure);
    }

    public PostgresLocation locate() {
        String url = variable(URL_VARIABLE);
        if (url != null) {
            PostgresEndpoint configured = new PostgresEndpoint(url, variable(USER_VARIABLE),
                    environment.apply(PASSWORD_VARIABLE), URL_VARIABLE);
            return connectionFailure.apply(configured)
                    .<PostgresLocation>map(why -> new PostgresLocation.Missing(
                            URL_VARIABLE + " names " + configured + ", which does not answer: " + why, true))
                    .orElseGet(() -> new PostgresLocation.Found(configured));
        }
        List<String> tried = new ArrayList<>();
        if (dockerAnswers.getAsBoolean()) {
            try {
                PostgresEndpoint started = container.get();
                Optional<String> failure = connectionFailure.apply(started);
                if (failure.isEmpty()) {
                    return new PostgresLocation.Found(started);
                }
                tried.add("the Testcontainers PostgreSQL does not answer: " + failure.get());
            } catch (RuntimeException e) {
                tried.add("Testcontainers could not start PostgreSQL: " + e);
            }
        } else {
            tried.add("no Docker engine answers for Testcontainers");
        }
        PostgresEndpoint local = new PostgresEndpoint(LOCAL_URL, "postgres", "", "local server");
        Optional<String> failure = connectionFailure.apply(local);
        if (failure.isEmpty()) {
            return new PostgresLocation.Found(local);
        }
        tried.add(local + " does not answer: " + failure.get());
        boolean onCi = variable(CI_VARIABLE) != null;
        return new PostgresLocation.Missing("no PostgreSQL for the tests: " + String.join("; ", tried)
                + ". Set " + URL_VARIABLE + " (and " + USER_VARIABLE + ", " + PASSWORD_VARIABLE + ") to use a server"
                + (onCi ? "; failing because " + CI_VARIABLE + " is set" : ""), onCi);
    }

    private String variable(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Empty when the server lets us in and answers; otherwise the driver's reason. Gives up after
     * {@value PostgresEndpoint#CONNECT_TIMEOUT_SECONDS} seconds on a host that does not answer.
     */
    public static Optional<String> connectionFailure(PostgresEndpoint endpoint) {
        try (Connection c = endpoint.connect()) {
            return c.isValid(PostgresEndpoint.CONNECT_TIMEOUT_SECONDS) ? Optional.empty()
                    : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse("unknown error"));
        }
    }
}
