package dev.retort.bench.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the neutral description's values are spelt, shared by the renderers. */
final class Literals {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Literals() {
    }

    /** Dates and timestamps as text ({@code 2020-01-31}, {@code 2020-01-31 10:15:00}), as the bookstore example writes them. */
    static String text(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.format(TIMESTAMP);
        } else if (value instanceof LocalDate d) {
            return d.toString();
        } else if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(value);
    }

    static boolean quoted(Object value) {
        return value instanceof String || value instanceof LocalDate || value instanceof LocalDateTime;
    }

    /** An SQL literal: numbers and booleans bare, everything else a quoted string. */
    static String sql(Object value) {
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        String text = text(value);
        return quoted(value) ? "'" + text.replace("'", "''") + "'" : text;
    }
}
