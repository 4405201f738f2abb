package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL server to run tests on, and where it came from ({@code origin}, for messages).
 *
 * @param password may be empty (trust authentication)
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password, String origin) {

    /** Seconds to wait for a socket or a login before calling the server unreachable. */
    static final int CONNECT_TIMEOUT_SECONDS = 3;

    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? "" : password;
        origin = origin == null ? "" : origin;
    }

    /** A connection that gives up after a few seconds instead of hanging on a dead host. */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl, p);
    }

    /** The URL with one more query parameter. */
    String urlWith(String parameter, String value) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameter + "=" + value;
    }

    /** The URL without passwords, for messages. */
    public String maskedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return maskedUrl() + " as " + user + (origin.isEmpty() ? "" : " (" + origin + ")");
    }
}
