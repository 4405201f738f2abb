package dev.retort.bench.render;

import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw JDBC floor's input: every step's statements, one per line, each step introduced by
 * {@code -- step <number> <id> <message>}. The floor reads it with {@link #read(Path)}.
 */
public final class RawScript {

    public record RawStep(int number, String id, String message, List<String> statements) {
    }

    private static final String MARK = "-- step ";

    private RawScript() {
    }

    public static String render(History history, Dialect dialect) {
        StringBuilder out = new StringBuilder();
        for (Revision r : history.revisions()) {
            out.append(MARK).append(r.number()).append(' ').append(r.id()).append(' ').append(r.message()).append('\n');
            for (String sql : SqlStatements.of(r.step(), dialect)) {
                out.append(sql).append(";\n");
            }
        }
        return out.toString();
    }

    public static Path write(History history, Dialect dialect, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(dialect.id() + ".sql");
        Files.writeString(file, render(history, dialect), StandardCharsets.UTF_8);
        return file;
    }

    public static List<RawStep> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<RawStep> read(String script) {
        List<RawStep> steps = new ArrayList<>();
        int number = 0;
        String id = null;
        String message = null;
        List<String> statements = null;
        for (String line : script.split("\n")) {
            if (line.startsWith(MARK)) {
                if (statements != null) {
                    steps.add(new RawStep(number, id, message, statements));
                }
                String[] parts = line.substring(MARK.length()).split(" ", 3);
                number = Integer.parseInt(parts[0]);
                id = parts[1];
                message = parts.length > 2 ? parts[2] : "";
                statements = new ArrayList<>();
            } else if (!line.isBlank()) {
                if (statements == null) {
                    throw new IllegalArgumentException("a statement before the first step mark: " + line);
                }
                statements.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
            }
        }
        if (statements != null) {
            steps.add(new RawStep(number, id, message, statements));
        }
        return steps;
    }
}
