package dev.retort.operation;

import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/** Validation of user-given names, and the naming convention for constraints and indexes nobody named. */
public final class Names {

    /** PostgreSQL truncates at 63 bytes; H2 allows more. Generated names stay under the smaller limit. */
    public static final int MAX_GENERATED_LENGTH = 63;

    private Names() {
    }

    public static String require(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character: " + name);
        }
        return name;
    }

    public static List<String> requireAll(List<String> names, String what) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " is required");
        }
        for (String n : names) {
            require(n, what);
        }
        return List.copyOf(names);
    }

    /**
     * A deterministic name such as {@code fk_books_author_id}: the same inputs always give the same name, so a
     * later {@code dropConstraint} can name it. Long names are cut and suffixed with a hash to stay unique.
     */
    public static String generated(String prefix, String table, List<String> columns) {
        StringBuilder b = new StringBuilder(prefix).append('_').append(table);
        for (String c : columns) {
            b.append('_').append(c);
        }
        String lower = b.toString().toLowerCase(Locale.ROOT);
        StringBuilder cleaned = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            // anything else becomes one '_', as [^a-z0-9_] would (a loop: every generated name passes here)
            cleaned.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' ? (char) c : '_');
            i += Character.charCount(c);
        }
        String name = cleaned.toString();
        if (name.length() <= MAX_GENERATED_LENGTH) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = String.format("%08x", crc.getValue());
        return name.substring(0, MAX_GENERATED_LENGTH - hash.length() - 1) + "_" + hash;
    }

}
