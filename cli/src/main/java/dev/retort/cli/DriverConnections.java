package dev.retort.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections straight from the JDBC driver. A CLI run uses one or two connections for a few seconds, so a pool
 * would only add to its start-up (HikariCP cost a tenth of a no-op upgrade); applications that embed Retort pass
 * their own pool. A database that is not there yet (restarting, starting up, or an H2 file another process has
 * open) is retried until the connect timeout, with a line on the progress stream saying so at the first failure;
 * anything waiting cannot fix, such as a wrong password or an unknown database, fails at once.
 */
final class DriverConnections implements DataSource {

    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private final String url;
    private final String user;
    private final String password;
    private final Duration connectTimeout;
    private final PrintWriter progress;

    DriverConnections(String url, String user, String password, Duration connectTimeout, PrintWriter progress) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.connectTimeout = connectTimeout;
        this.progress = progress;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DriverManager.getDriver(url); // no driver for this URL: waiting will not bring one
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        boolean told = false;
        while (true) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (!worthWaitingFor(e) || remainingMillis <= 0) {
                    throw e;
                }
                if (!told) {
                    progress.println("Cannot connect yet (" + firstLine(e) + "); retrying for up to "
                            + DurationText.format(connectTimeout) + " (--connect-timeout)");
                    progress.flush();
                    told = true;
                }
                sleep(Math.min(pause, remainingMillis));
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /**
     * Failures that can end by themselves: the server refuses or drops connections (SQLState class 08, a refused
     * socket), is starting or shutting down (57P), has too many connections (53300), or an H2 database file is open
     * in another process (90020).
     */
    static boolean worthWaitingFor(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientException
                || state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || e.getErrorCode() == 90020 || causedBy(e, ConnectException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to connect", "08001", e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
