package dev.retort.bench.render;

import dev.retort.bench.model.Column;
import dev.retort.bench.model.ColumnType;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;
import dev.retort.bench.model.Step;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One Liquibase XML changelog with a changeSet per revision, written with Liquibase's own change types
 * ({@code createTable}, {@code addColumn}, {@code createIndex}, {@code addForeignKeyConstraint},
 * {@code renameColumn}, {@code dropColumn}, {@code insert}), not raw SQL. Database-neutral: one file for both.
 */
public final class LiquibaseChangelog {

    public static final String FILE_NAME = "changelog.xml";

    private LiquibaseChangelog() {
    }

    public static Path write(History history, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(render(history));
        }
        return file;
    }

    public static String render(History history) {
        StringBuilder out = new StringBuilder(history.size() * 400);
        out.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                   xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                """);
        for (Revision r : history.revisions()) {
            out.append("  <changeSet id=\"").append(r.number()).append("\" author=\"bench\">\n");
            out.append("    <comment>").append(x(r.message())).append("</comment>\n");
            change(r.step(), out);
            out.append("  </changeSet>\n");
        }
        return out.append("</databaseChangeLog>\n").toString();
    }

    private static void change(Step step, StringBuilder out) {
        if (step instanceof Step.CreateTable s) {
            out.append("    <createTable tableName=\"").append(s.table()).append("\">\n");
            for (Column c : s.columns()) {
                out.append("      <column name=\"").append(c.name()).append("\" type=\"").append(type(c.type())).append('"');
                if (c.primaryKey()) {
                    out.append("><constraints primaryKey=\"true\" primaryKeyName=\"pk_").append(s.table())
                            .append("\" nullable=\"false\"/></column>\n");
                } else if (c.notNull()) {
                    out.append("><constraints nullable=\"false\"/></column>\n");
                } else {
                    out.append("/>\n");
                }
            }
            out.append("    </createTable>\n");
        } else if (step instanceof Step.AddColumn s) {
            out.append("    <addColumn tableName=\"").append(s.table()).append("\"><column name=\"")
                    .append(s.column().name()).append("\" type=\"").append(type(s.column().type())).append("\"/></addColumn>\n");
        } else if (step instanceof Step.CreateIndex s) {
            out.append("    <createIndex indexName=\"").append(s.name()).append("\" tableName=\"").append(s.table())
                    .append("\"><column name=\"").append(s.column()).append("\"/></createIndex>\n");
        } else if (step instanceof Step.AddForeignKey s) {
            out.append("    <addForeignKeyConstraint constraintName=\"").append(s.name()).append("\" baseTableName=\"")
                    .append(s.table()).append("\" baseColumnNames=\"").append(s.column())
                    .append("\" referencedTableName=\"").append(s.referencedTable()).append("\" referencedColumnNames=\"id\"/>\n");
        } else if (step instanceof Step.RenameColumn s) {
            out.append("    <renameColumn tableName=\"").append(s.table()).append("\" oldColumnName=\"").append(s.from())
                    .append("\" newColumnName=\"").append(s.to()).append("\"/>\n");
        } else if (step instanceof Step.DropColumn s) {
            out.append("    <dropColumn tableName=\"").append(s.table()).append("\" columnName=\"")
                    .append(s.column().name()).append("\"/>\n");
        } else if (step instanceof Step.Insert s) {
            for (List<Object> row : s.rows()) {
                out.append("    <insert tableName=\"").append(s.table()).append("\">");
                for (int i = 0; i < row.size(); i++) {
                    out.append("<column name=\"").append(s.columns().get(i).name()).append("\" ")
                            .append(valueAttribute(row.get(i))).append("=\"").append(x(Literals.text(row.get(i)))).append("\"/>");
                }
                out.append("</insert>\n");
            }
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    static String type(ColumnType type) {
        return switch (type.kind()) {
            case BIGINT -> "BIGINT";
            case INTEGER -> "INT";
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TEXT -> "TEXT";
        };
    }

    private static String valueAttribute(Object value) {
        if (value instanceof Number || value instanceof BigDecimal) {
            return "valueNumeric";
        } else if (value instanceof Boolean) {
            return "valueBoolean";
        } else if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return "valueDate";
        }
        return "value";
    }

    private static String x(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
