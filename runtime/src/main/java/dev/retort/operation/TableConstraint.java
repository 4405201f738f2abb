package dev.retort.operation;

import java.util.List;

/** A named table-level constraint, inside {@code createTable} or added to an existing table. */
public sealed interface TableConstraint {

    String name();

    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
        public PrimaryKey {
            Names.require(name, "primary key name");
            columns = Names.requireAll(columns, "primary key column");
        }
    }

    record Unique(String name, List<String> columns) implements TableConstraint {
        public Unique {
            Names.require(name, "unique constraint name");
            columns = Names.requireAll(columns, "unique column");
        }
    }

    record Check(String name, String expression) implements TableConstraint {
        public Check {
            Names.require(name, "check constraint name");
            Names.require(expression, "check expression");
        }
    }

    record ForeignKey(String name, List<String> columns, ForeignKeyReference references) implements TableConstraint {
        public ForeignKey {
            Names.require(name, "foreign key name");
            columns = Names.requireAll(columns, "foreign key column");
            if (references.columns().size() != columns.size()) {
                throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                        + " column(s) but references " + references.columns().size());
            }
        }
    }
}
