package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people write them in config: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO {@code PT30S}. */
final class DurationText {

    private DurationText() {
    }

    static Duration parse(String setting, String text) {
        if (text == null) {
            return null;
        }
        Duration simple = simple(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (simple != null) {
            return simple;
        }
        try {
            return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new RetortException(ErrorCode.CONFIGURATION, setting + ": '" + text
                    + "' is not a duration; write it like 500ms, 30s, 5m, 1h or PT30S");
        }
    }

    /** The way {@link #parse} reads it back: {@code 30s}, {@code 5m}, {@code 1500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** Digits, optional spaces, then ms, s, m or h; null for anything else. Read by hand: a regex costs start-up. */
    private static Duration simple(String t) {
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 18) {
            return null;
        }
        long n = Long.parseLong(t.substring(0, digits));
        String unit = t.substring(digits).strip();
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> null;
        };
    }
}
