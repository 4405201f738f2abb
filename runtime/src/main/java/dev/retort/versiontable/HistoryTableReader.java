package dev.retort.versiontable;

import dev.retort.dialect.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the history table once, oldest first; a missing table means no history. */
public final class HistoryTableReader {

    private final Dialect dialect;
    private final HistoryTable table;

    public HistoryTableReader(Dialect dialect, HistoryTable table) {
        this.dialect = dialect;
        this.table = table;
    }

    public List<HistoryRow> rows(Connection connection) throws SQLException {
        if (!Catalog.tableExists(connection, dialect, table.name())) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        String sql = dialect.selectAll(table.name(), List.of("revision", "direction", "checksum", "outcome"), "id");
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }
}
