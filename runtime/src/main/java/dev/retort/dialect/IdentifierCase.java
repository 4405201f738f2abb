package dev.retort.dialect;

import java.util.Locale;

/**
 * The case a database folds unquoted identifiers to, and with it the one quoting rule every dialect uses.
 * <p>
 * Identifiers are always quoted, so no name is ever read as SQL. A name written all in lower case
 * ({@code [a-z_][a-z0-9_$]*}) is taken as case-insensitive and quoted in the folded case: {@code books} becomes
 * {@code "BOOKS"} on H2 and {@code "books"} on PostgreSQL, exactly what {@code select * from books} in a user's raw
 * SQL finds. Any other name (mixed or upper case, spaces, quotes, other characters) is quoted exactly as given, with
 * each {@code "} doubled: {@code a"; drop table x; --} becomes the literal identifier {@code "a""; drop table x; --"}.
 */
public enum IdentifierCase {
    /** H2, Oracle, the SQL standard. */
    UPPER,
    /** PostgreSQL. */
    LOWER;

    /** The identifier quoted for a database folding to this case. */
    public String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier must not contain a NUL character: "
                    + identifier.replace('\0', '?'));
        }
        String name = isCaseInsensitive(identifier) ? fold(identifier) : identifier;
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Whether the name is written all in lower case, and so follows the database's folding. */
    public static boolean isCaseInsensitive(String identifier) {
        // a loop, not the pattern: every identifier of every statement passes here
        if (identifier.isEmpty()) {
            return false;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private String fold(String identifier) {
        return this == UPPER ? identifier.toUpperCase(Locale.ROOT) : identifier;
    }
}
