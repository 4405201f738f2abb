package dev.retort.bench.render;

import dev.retort.bench.model.Column;
import dev.retort.bench.model.ColumnType;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;
import dev.retort.bench.model.Step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Retort migration scripts, one per revision, named {@code <id>_<slug>.groovy} as {@code retort revision} names
 * them. Reversible changes go in a {@code change { }} block; an insert has {@code upgrade { }} and a
 * {@code downgrade { }} that deletes its rows. The same scripts serve both databases.
 */
public final class RetortDsl {

    private RetortDsl() {
    }

    public static String fileName(Revision r) {
        return r.id() + "_" + r.slug() + ".groovy";
    }

    public static void write(History history, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Revision r : history.revisions()) {
            Files.writeString(dir.resolve(fileName(r)), script(r), StandardCharsets.UTF_8);
        }
    }

    public static String script(Revision r) {
        StringBuilder out = new StringBuilder();
        out.append("revision     ").append(q(r.id())).append('\n');
        if (r.parent() != null) {
            out.append("downRevision ").append(q(r.parent())).append('\n');
        }
        out.append("message      ").append(q(r.message())).append("\n\n");
        Step step = r.step();
        if (step instanceof Step.Insert s) {
            out.append("upgrade {\n    insert(").append(q(s.table())).append(", [\n");
            for (List<Object> row : s.rows()) {
                out.append("        [");
                for (int i = 0; i < row.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(s.columns().get(i).name()).append(": ").append(value(row.get(i)));
                }
                out.append("],\n");
            }
            out.append("    ])\n}\n\ndowngrade {\n");
            int id = s.columns().indexOf(Column.id());
            for (List<Object> row : s.rows()) {
                out.append("    delete(").append(q(s.table())).append(", where: [id: ").append(row.get(id)).append("])\n");
            }
            return out.append("}\n").toString();
        }
        out.append("change {\n");
        if (step instanceof Step.CreateTable s) {
            out.append("    createTable(").append(q(s.table())).append(") {\n");
            for (Column c : s.columns()) {
                out.append("        column(").append(q(c.name())).append(", ").append(type(c.type())).append(')');
                if (c.primaryKey()) {
                    out.append(" { primaryKey() }");
                } else if (c.notNull()) {
                    out.append(" { notNull() }");
                }
                out.append('\n');
            }
            out.append("    }\n");
        } else if (step instanceof Step.AddColumn s) {
            out.append("    addColumn(").append(q(s.table())).append(", ").append(q(s.column().name())).append(", ")
                    .append(type(s.column().type())).append(")\n");
        } else if (step instanceof Step.CreateIndex s) {
            out.append("    createIndex(").append(q(s.name())).append(", ").append(q(s.table())).append(", ")
                    .append(q(s.column())).append(")\n");
        } else if (step instanceof Step.AddForeignKey s) {
            out.append("    addForeignKey(").append(q(s.table())).append(", ").append(q(s.column()))
                    .append(", references: ").append(q(s.referencedTable())).append(", columns: ['id'])\n");
        } else if (step instanceof Step.RenameColumn s) {
            out.append("    renameColumn(").append(q(s.table())).append(", ").append(q(s.from())).append(", ")
                    .append(q(s.to())).append(")\n");
        } else if (step instanceof Step.DropColumn s) {
            out.append("    dropColumn(").append(q(s.table())).append(", ").append(q(s.column().name())).append(", ")
                    .append(type(s.column().type())).append(')').append(s.column().notNull() ? " { notNull() }" : "")
                    .append('\n');
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        return out.append("}\n").toString();
    }

    static String type(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            default -> type.kind().name();
        };
    }

    private static String value(Object value) {
        return Literals.quoted(value) ? q(Literals.text(value)) : Literals.text(value);
    }

    private static String q(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}
