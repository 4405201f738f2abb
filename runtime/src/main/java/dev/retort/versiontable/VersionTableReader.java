package dev.retort.versiontable;

import dev.retort.dialect.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the version table's rows; a missing table means nothing is applied. It never creates anything. */
public final class VersionTableReader {

    private final Dialect dialect;
    private final VersionTable table;

    public VersionTableReader(Dialect dialect, VersionTable table) {
        this.dialect = dialect;
        this.table = table;
    }

    public boolean exists(Connection connection) throws SQLException {
        return Catalog.tableExists(connection, dialect, table.name());
    }

    /** The applied heads in the table's order, or empty when the table does not exist yet. */
    public List<String> rows(Connection connection) throws SQLException {
        return exists(connection) ? existingRows(connection) : List.of();
    }

    /** The applied heads in the table's order, from a table the caller knows exists. */
    public List<String> existingRows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (java.sql.Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(dialect.selectAll(table.name(), List.of(VersionTable.COLUMN)))) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
