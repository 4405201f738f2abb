package dev.retort.versiontable;

import dev.retort.dialect.Dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the version table's rows; a missing table means nothing is applied. It never creates anything. */
public final class VersionTableReader {

    private final Dialect dialect;
    private final VersionTable table;

    public VersionTableReader(Dialect dialect, VersionTable table) {
        this.dialect = dialect;
        this.table = table;
    }

    public boolean exists(Connection connection) throws SQLException {
        return tableExists(connection, table.name());
    }

    /** The applied heads in the table's order, or empty when the table does not exist yet. */
    public List<String> rows(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(dialect.selectAll(table.name(), List.of(VersionTable.COLUMN)))) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Metadata lookup in the connection's current schema, tolerant of how the database folds case. */
    public static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        for (String candidate : new String[]{name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, candidate, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
