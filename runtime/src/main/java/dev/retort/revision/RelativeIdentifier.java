package dev.retort.revision;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative identifier forms, {@code [branch@][symbol](+|-)N}: {@code +2}, {@code -1}, {@code lib@+1},
 * {@code c3+1}, {@code head-2}, {@code lib@head-1}, {@code lib@base+2}. Alembic's regex, matched against the whole
 * text rather than a prefix.
 *
 * @param branch null unless the identifier has a {@code branch@} part
 * @param symbol null for a walk relative to the current revisions; otherwise an id, label, {@code head} or
 *               {@code base}
 */
record RelativeIdentifier(String text, String branch, String symbol, int steps) {

    private static final Pattern FORM = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");

    static Optional<RelativeIdentifier> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int steps;
        try {
            steps = Integer.parseInt(matcher.group(3));
        } catch (NumberFormatException tooLarge) {
            throw new RelativeRevisionException(text, "Relative revision " + matcher.group(3) + " is out of range");
        }
        return Optional.of(new RelativeIdentifier(text, matcher.group(1), matcher.group(2), steps));
    }

    boolean isRelativeToCurrent() {
        return symbol == null;
    }

    /** The symbol with its branch qualifier, which is what the walk starts from. */
    String start() {
        return branch == null ? symbol : branch + "@" + symbol;
    }
}
