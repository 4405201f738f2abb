package dev.retort.bench.runner;

import dev.retort.bench.render.RawScript;
import dev.retort.bench.render.RawScript.RawStep;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The raw JDBC floor: the least a migration tool can do. It reads the plain statement list, and for each step not
 * yet applied runs its statements and one history insert in one transaction. A no-op upgrade is one query.
 * {@code history} and {@code heads} read the statement list only, as Retort's do (no database).
 * <p>
 * {@code FloorRunner upgrade|history|heads URL USER PASSWORD FILE}
 */
public final class FloorRunner {

    static final String HISTORY = "bench_history";

    private FloorRunner() {
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        List<RawStep> steps = RawScript.read(Path.of(args[4]));
        switch (op) {
            case "upgrade" -> upgrade(args[1], args[2], args[3], steps);
            case "history" -> {
                StringBuilder out = new StringBuilder();
                for (int i = steps.size() - 1; i >= 0; i--) {
                    RawStep s = steps.get(i);
                    out.append(s.id()).append(' ').append(s.message()).append('\n');
                }
                System.out.print(out);
            }
            case "heads" -> {
                RawStep head = steps.get(steps.size() - 1);
                System.out.println(head.id() + " (head) " + head.message());
            }
            default -> throw new IllegalArgumentException("unknown operation " + op);
        }
    }

    private static void upgrade(String url, String user, String password, List<RawStep> steps) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            int applied = applied(c);
            if (applied >= steps.size()) {
                System.out.println("up to date at step " + applied);
                return;
            }
            c.setAutoCommit(false);
            int done = 0;
            try (Statement statement = c.createStatement();
                 PreparedStatement history = c.prepareStatement(
                         "INSERT INTO " + HISTORY + " (version, revision, description) VALUES (?, ?, ?)")) {
                for (RawStep step : steps) {
                    if (step.number() <= applied) {
                        continue;
                    }
                    try {
                        for (String sql : step.statements()) {
                            statement.execute(sql);
                        }
                        history.setInt(1, step.number());
                        history.setString(2, step.id());
                        history.setString(3, step.message());
                        history.executeUpdate();
                        c.commit();
                        done++;
                    } catch (SQLException e) {
                        c.rollback();
                        throw new SQLException("step " + step.number() + " failed: " + e.getMessage(), e);
                    }
                }
            }
            System.out.println("applied " + done + " steps");
        }
    }

    /** The last applied step; creates the history table when it does not exist yet. */
    private static int applied(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + HISTORY)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException missing) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY, revision VARCHAR(64) NOT NULL,"
                        + " description VARCHAR(500), installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            }
            return 0;
        }
    }
}
