package dev.retort.bench.harness;

import dev.retort.bench.render.Dialect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a migrated schema holds, read back from the catalog, so that every tool's result can be compared with the
 * floor's: each table's columns with a type family, foreign-key names, {@code ix_*} index names, and the row count
 * of each table given. Each tool's own bookkeeping tables are left out. Names are compared in lower case.
 *
 * @param lines one line per fact, sorted
 */
public record SchemaSignature(List<String> lines, int tables, int columns, int foreignKeys, int indexes, long rows) {

    public static SchemaSignature read(Connection c, Dialect dialect, Set<String> tablesWithRows) throws SQLException {
        String schema = dialect == Dialect.H2 ? "PUBLIC" : "public";
        TreeSet<String> lines = new TreeSet<>();
        Set<String> tables = new TreeSet<>();
        int columns = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (bookkeeping(table)) {
                        continue;
                    }
                    tables.add(table);
                    columns++;
                    lines.add("column " + table + "." + rs.getString(2).toLowerCase(Locale.ROOT) + " " + family(rs.getString(3)));
                }
            }
        }
        int fks = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT constraint_name FROM information_schema.table_constraints"
                + " WHERE constraint_type = 'FOREIGN KEY' AND table_schema = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fks++;
                    lines.add("fk " + rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        int indexes = 0;
        String indexQuery = dialect == Dialect.H2
                ? "SELECT index_name, table_name FROM information_schema.indexes WHERE table_schema = ?"
                : "SELECT indexname, tablename FROM pg_indexes WHERE schemaname = ?";
        try (PreparedStatement s = c.prepareStatement(indexQuery)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (name.startsWith("ix_") && !bookkeeping(rs.getString(2).toLowerCase(Locale.ROOT))) {
                        indexes++;
                        lines.add("index " + name);
                    }
                }
            }
        }
        long rows = 0;
        for (String table : new TreeSet<>(tablesWithRows)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                rows += rs.getLong(1);
                lines.add("rows " + table + " " + rs.getLong(1));
            }
        }
        tables.forEach(t -> lines.add("table " + t));
        return new SchemaSignature(List.copyOf(lines), tables.size(), columns, fks, indexes, rows);
    }

    static boolean bookkeeping(String table) {
        return table.startsWith("retort_") || table.startsWith("flyway_") || table.startsWith("databasechangelog")
                || table.equals("bench_history");
    }

    /** Type families: what every tool's spelling of a neutral type has in common on one database. */
    static String family(String dataType) {
        String t = dataType.toLowerCase(Locale.ROOT);
        if (t.contains("char") || t.contains("text") || t.contains("clob")) {
            return "string";
        } else if (t.startsWith("timestamp")) {
            return "timestamp";
        } else if (t.equals("int") || t.equals("int4") || t.equals("integer")) {
            return "integer";
        } else if (t.equals("bigint") || t.equals("int8")) {
            return "bigint";
        } else if (t.startsWith("numeric") || t.startsWith("decimal")) {
            return "numeric";
        }
        return t;
    }

    public String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> md.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String summary() {
        return tables + " tables, " + columns + " columns, " + foreignKeys + " foreign keys, " + indexes + " indexes, "
                + rows + " rows (" + digest() + ")";
    }

    /** The first differences, for a message. */
    public List<String> differences(SchemaSignature expected) {
        List<String> diff = new ArrayList<>();
        TreeSet<String> mine = new TreeSet<>(lines);
        TreeSet<String> theirs = new TreeSet<>(expected.lines);
        for (String l : theirs) {
            if (!mine.contains(l) && diff.size() < 10) {
                diff.add("missing: " + l);
            }
        }
        for (String l : mine) {
            if (!theirs.contains(l) && diff.size() < 20) {
                diff.add("extra:   " + l);
            }
        }
        return diff;
    }
}
