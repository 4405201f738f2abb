package dev.retort.dsl;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text and file name of a new revision script, for {@code retort revision -m MSG}: the header, then an empty
 * {@code upgrade { }} and {@code downgrade { }} with a commented example.
 *
 * @param downRevisions none for a base, one, or several for a merge
 */
public record RevisionTemplate(String id, List<String> downRevisions, List<String> branchLabels,
                               List<String> dependsOn, String message) {

    /** Longest slug of the message in a file name. */
    public static final int MAX_SLUG_LENGTH = 40;

    public RevisionTemplate {
        Objects.requireNonNull(id, "id");
        downRevisions = downRevisions == null ? List.of() : List.copyOf(downRevisions);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("revision     ").append(literal(id)).append('\n');
        if (!downRevisions.isEmpty()) {
            text.append("downRevision").append(values(downRevisions)).append('\n');
        }
        if (!branchLabels.isEmpty()) {
            text.append("branchLabels").append(values(branchLabels)).append('\n');
        }
        if (!dependsOn.isEmpty()) {
            text.append("dependsOn   ").append(values(dependsOn)).append('\n');
        }
        text.append("message      ").append(literal(message)).append('\n')
                .append('\n')
                .append("upgrade {\n")
                .append("    // createTable('invoices') {\n")
                .append("    //     column('id', BIGINT) { primaryKey(); identity() }\n")
                .append("    //     column('total', DECIMAL(12, 2)) { notNull(); defaultValue 0 }\n")
                .append("    // }\n")
                .append("}\n")
                .append('\n')
                .append("downgrade {\n")
                .append("    // dropTable('invoices')\n")
                .append("}\n");
        return text.toString();
    }

    /** {@code <id>_<slug>.groovy}, or {@code <id>.groovy} when the message has no letters or digits. */
    public String fileName() {
        String slug = slug(message);
        return id + (slug.isEmpty() ? "" : "_" + slug) + ".groovy";
    }

    /** The message in lowercase, each run of other characters than a-z and 0-9 one underscore, at most 40 long. */
    public static String slug(String message) {
        StringBuilder slug = new StringBuilder();
        for (char c : message.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '_') {
                slug.append('_');
            }
            if (slug.length() >= MAX_SLUG_LENGTH) {
                break;
            }
        }
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '_') {
            slug.setLength(slug.length() - 1);
        }
        return slug.toString();
    }

    /** {@code  'a'}, or {@code (['a', 'b'])}: without parentheses Groovy would read a list as an index. */
    private static String values(List<String> values) {
        return values.size() == 1 ? " " + literal(values.get(0))
                : values.stream().map(RevisionTemplate::literal).collect(Collectors.joining(", ", "([", "])"));
    }

    /** A single-quoted Groovy string that reads back as exactly {@code value}. */
    private static String literal(String value) {
        StringBuilder text = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\'' -> text.append("\\'");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return text.append('\'').toString();
    }
}
