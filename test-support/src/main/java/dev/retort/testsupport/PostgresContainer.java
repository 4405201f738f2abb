package dev.retort.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL in a Testcontainers container, started at most once per JVM (Testcontainers' Ryuk removes it when the
 * JVM ends). Only {@link PostgresLocator} uses this class, so Testcontainers is not even loaded without Docker.
 */
final class PostgresContainer {

    private static final String IMAGE = "postgres:15-alpine";
    private static final long PROBE_SECONDS = 15;

    private PostgresContainer() {
    }

    /**
     * Whether a Docker engine answers. Without any sign of Docker (no {@code DOCKER_HOST}, no socket, no
     * Testcontainers configuration) Testcontainers is not asked at all, which keeps the log quiet; when it is asked,
     * it gets {@value #PROBE_SECONDS} seconds.
     */
    static boolean dockerAnswers() {
        if (!dockerConfigured()) {
            return false;
        }
        FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(probe, "retort-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            probe.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean dockerConfigured() {
        String home = System.getProperty("user.home", "");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
    }

    @SuppressWarnings("resource") // lives for the JVM; Ryuk stops it
    static PostgresEndpoint start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
        container.start();
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers " + IMAGE);
    }
}
