package dev.retort.versiontable;

import dev.retort.dialect.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What Retort asks the catalog about its own tables (version, history, lock), in the connection's current schema,
 * each by the dialect's one query: one round trip, where JDBC metadata takes several.
 */
public final class Catalog {

    private Catalog() {
    }

    public static boolean tableExists(Connection connection, Dialect dialect, String table) throws SQLException {
        return returnsRow(connection, dialect.tableExists(table));
    }

    public static boolean constraintExists(Connection connection, Dialect dialect, String table, String constraint)
            throws SQLException {
        return returnsRow(connection, dialect.constraintExists(table, constraint));
    }

    private static boolean returnsRow(Connection connection, String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }
}
