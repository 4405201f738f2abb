package dev.retort.bench.model;

import java.util.List;

/** One schema change of the neutral description; every revision holds exactly one. */
public sealed interface Step {

    /** The kinds, in the order reports list them. */
    enum Kind { CREATE_TABLE, ADD_COLUMN, CREATE_INDEX, ADD_FOREIGN_KEY, RENAME_COLUMN, DROP_COLUMN, INSERT }

    Kind kind();

    /** A short description for file names and messages, e.g. {@code create customer_00012}. */
    String describe();

    /** A table whose first column is the {@code id} primary key (named {@code pk_<table>}). */
    record CreateTable(String table, List<Column> columns) implements Step {
        public CreateTable {
            columns = List.copyOf(columns);
        }

        public Kind kind() {
            return Kind.CREATE_TABLE;
        }

        public String describe() {
            return "create " + table;
        }
    }

    record AddColumn(String table, Column column) implements Step {
        public Kind kind() {
            return Kind.ADD_COLUMN;
        }

        public String describe() {
            return "add " + table + "." + column.name();
        }
    }

    record CreateIndex(String name, String table, String column) implements Step {
        public Kind kind() {
            return Kind.CREATE_INDEX;
        }

        public String describe() {
            return "index " + table + "." + column;
        }
    }

    /** A foreign key from {@code table(column)} to {@code referencedTable(id)}. */
    record AddForeignKey(String name, String table, String column, String referencedTable) implements Step {
        public Kind kind() {
            return Kind.ADD_FOREIGN_KEY;
        }

        public String describe() {
            return "fk " + table + "." + column + " to " + referencedTable;
        }
    }

    record RenameColumn(String table, String from, String to) implements Step {
        public Kind kind() {
            return Kind.RENAME_COLUMN;
        }

        public String describe() {
            return "rename " + table + "." + from + " to " + to;
        }
    }

    /** Drops a column; {@code column} says what it was, so that tools able to reverse it can. */
    record DropColumn(String table, Column column) implements Step {
        public Kind kind() {
            return Kind.DROP_COLUMN;
        }

        public String describe() {
            return "drop " + table + "." + column.name();
        }
    }

    /**
     * A few rows. Values are {@code Long}, {@code Integer}, {@code String}, {@code java.math.BigDecimal},
     * {@code Boolean}, {@code java.time.LocalDate} or {@code java.time.LocalDateTime}; never null.
     */
    record Insert(String table, List<Column> columns, List<List<Object>> rows) implements Step {
        public Insert {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public Kind kind() {
            return Kind.INSERT;
        }

        public String describe() {
            return "insert " + rows.size() + " into " + table;
        }
    }
}
