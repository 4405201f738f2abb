package dev.retort.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The schema of a connection's current schema as the database reports it, read through {@link DatabaseMetaData}.
 * Two things the metadata does not show are read from the standard {@code INFORMATION_SCHEMA} (both H2 and
 * PostgreSQL have it): sequences, and the names and kinds of table constraints (checks have no metadata at all).
 * <p>
 * Every lookup by name prefers an exact match and otherwise ignores case, because H2 folds unquoted names to upper
 * case and PostgreSQL to lower case. Nothing is cached: each call reads the database again.
 */
public final class Catalog {

    public record Column(String name, String typeName, int jdbcType, int size, int decimalDigits, boolean nullable,
                         String defaultValue, boolean autoIncrement) {
    }

    public record PrimaryKey(String name, List<String> columns) {
    }

    public record Index(String name, boolean unique, List<String> columns) {
    }

    /** @param deleteRule and {@code updateRule}: {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT} or {@code NO ACTION} */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String deleteRule, String updateRule) {
    }

    /** @param type as {@code INFORMATION_SCHEMA.TABLE_CONSTRAINTS} says: {@code PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN KEY}, {@code CHECK} */
    public record Constraint(String name, String type) {
    }

    public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
                        List<ForeignKey> foreignKeys, List<Constraint> constraints) {

        public Optional<Column> column(String name) {
            return find(columns, Column::name, name);
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        public Optional<Index> index(String name) {
            return find(indexes, Index::name, name);
        }

        public Optional<ForeignKey> foreignKey(String name) {
            return find(foreignKeys, ForeignKey::name, name);
        }

        public Optional<Constraint> constraint(String name) {
            return find(constraints, Constraint::name, name);
        }
    }

    private final Connection connection;

    public Catalog(Connection connection) {
        this.connection = connection;
    }

    /** Ordinary tables of the current schema (no views, no system tables). */
    public List<String> tables() throws SQLException {
        return objectsOfType(type -> type.equals("TABLE") || type.equals("BASE TABLE"));
    }

    public List<String> views() throws SQLException {
        return objectsOfType(type -> type.equals("VIEW"));
    }

    /** Sequences of the current schema, identity columns' own sequences included (PostgreSQL lists them). */
    public List<String> sequences() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?")) {
            s.setString(1, connection.getSchema());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    public boolean hasTable(String name) throws SQLException {
        return find(tables(), Function.identity(), name).isPresent();
    }

    public boolean hasView(String name) throws SQLException {
        return find(views(), Function.identity(), name).isPresent();
    }

    public boolean hasSequence(String name) throws SQLException {
        return find(sequences(), Function.identity(), name).isPresent();
    }

    /** Everything about one table, or empty when the current schema has no table (or view) by that name. */
    public Optional<Table> table(String name) throws SQLException {
        List<String> candidates = new ArrayList<>(tables());
        candidates.addAll(views());
        Optional<String> actual = find(candidates, Function.identity(), name);
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        String table = actual.get();
        List<Column> columns = columns(table);
        return Optional.of(new Table(table, columns, primaryKey(table), indexes(table, columns), foreignKeys(table),
                constraints(table)));
    }

    private DatabaseMetaData meta() throws SQLException {
        return connection.getMetaData();
    }

    private String schema() throws SQLException {
        return connection.getSchema();
    }

    /**
     * Some metadata methods take LIKE patterns: names are escaped for them, and the rows are still filtered by exact
     * name here, in case a driver ignores the escape.
     */
    private String pattern(String name) throws SQLException {
        String escape = meta().getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private List<String> objectsOfType(java.util.function.Predicate<String> type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta().getTables(connection.getCatalog(), pattern(schema()), "%", null)) {
            while (rs.next()) {
                if (schema().equals(rs.getString("TABLE_SCHEM")) && type.test(rs.getString("TABLE_TYPE"))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    private List<Column> columns(String table) throws SQLException {
        TreeMap<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet rs = meta().getColumns(connection.getCatalog(), pattern(schema()), pattern(table), "%")) {
            while (rs.next()) {
                if (schema().equals(rs.getString("TABLE_SCHEM")) && table.equals(rs.getString("TABLE_NAME"))) {
                    byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"),
                            rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                            rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                            rs.getString("COLUMN_DEF"), "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
        }
        return List.copyOf(byPosition.values());
    }

    private PrimaryKey primaryKey(String table) throws SQLException {
        String name = null;
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta().getPrimaryKeys(connection.getCatalog(), schema(), table)) {
            while (rs.next()) {
                name = rs.getString("PK_NAME");
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return columns.isEmpty() ? null : new PrimaryKey(name, List.copyOf(columns.values()));
    }

    /**
     * The PostgreSQL driver reports an index column as PostgreSQL prints it in the index definition, with only the
     * outer quotes taken off: {@code Mixed"Quote} arrives as {@code Mixed""Quote}. Such a name is matched back to the
     * table's column.
     */
    private List<Index> indexes(String table, List<Column> tableColumns) throws SQLException {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta().getIndexInfo(connection.getCatalog(), schema(), table, false, true)) {
            while (rs.next()) {
                if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || rs.getString("INDEX_NAME") == null) {
                    continue;
                }
                String name = rs.getString("INDEX_NAME");
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                columns.computeIfAbsent(name, n -> new TreeMap<>())
                        .put(rs.getInt("ORDINAL_POSITION"), indexColumn(rs.getString("COLUMN_NAME"), tableColumns));
            }
        }
        List<Index> indexes = new ArrayList<>();
        unique.forEach((name, u) -> indexes.add(new Index(name, u, List.copyOf(columns.get(name).values()))));
        indexes.sort(Comparator.comparing(Index::name));
        return indexes;
    }

    private static String indexColumn(String reported, List<Column> tableColumns) {
        if (reported == null || tableColumns.stream().anyMatch(c -> c.name().equals(reported))) {
            return reported;
        }
        String unescaped = reported.replace("\"\"", "\"");
        return tableColumns.stream().anyMatch(c -> c.name().equals(unescaped)) ? unescaped : reported;
    }

    private List<ForeignKey> foreignKeys(String table) throws SQLException {
        record Part(String table, int seq, String column, String referenced, String delete, String update) {
        }
        Map<String, List<Part>> byName = new LinkedHashMap<>();
        try (ResultSet rs = meta().getImportedKeys(connection.getCatalog(), schema(), table)) {
            while (rs.next()) {
                byName.computeIfAbsent(rs.getString("FK_NAME"), n -> new ArrayList<>()).add(new Part(
                        rs.getString("PKTABLE_NAME"), rs.getInt("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKCOLUMN_NAME"), rule(rs.getShort("DELETE_RULE")), rule(rs.getShort("UPDATE_RULE"))));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, parts) -> {
            parts.sort(Comparator.comparingInt(Part::seq));
            Part first = parts.get(0);
            keys.add(new ForeignKey(name, parts.stream().map(Part::column).toList(), first.table(),
                    parts.stream().map(Part::referenced).toList(), first.delete(), first.update()));
        });
        return keys;
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private List<Constraint> constraints(String table) throws SQLException {
        List<Constraint> constraints = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT constraint_name, constraint_type"
                + " FROM information_schema.table_constraints WHERE table_schema = ? AND table_name = ?")) {
            s.setString(1, schema());
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    constraints.add(new Constraint(rs.getString(1), rs.getString(2)));
                }
            }
        }
        constraints.sort(Comparator.comparing(Constraint::name));
        return constraints;
    }

    /** Exact name first, then ignoring case. */
    static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
        return items.stream().filter(i -> name.apply(i).equals(wanted)).findFirst()
                .or(() -> items.stream().filter(i -> name.apply(i).equalsIgnoreCase(wanted)).findFirst());
    }
}
