package dev.retort.operation;

import java.util.List;

/** The referenced side of a foreign key, with its actions (null action: the database's default). */
public record ForeignKeyReference(String table, List<String> columns, ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKeyReference {
        Names.require(table, "referenced table");
        columns = Names.requireAll(columns, "referenced column");
    }
}
