package dev.retort.dialect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.UUID;

/**
 * How Java values are written as SQL literals, inline, in standard SQL. A dialect whose database differs overrides
 * the one method that differs (PostgreSQL: {@link #binary}).
 * <ul>
 *   <li>{@code null}: {@code NULL}; booleans: {@code TRUE}/{@code FALSE}.</li>
 *   <li>Strings (and enums, by name): standard strings, {@code '} doubled and nothing else escaped; a backslash is
 *       an ordinary character (PostgreSQL's {@code standard_conforming_strings}, on by default since 9.1).</li>
 *   <li>Numbers: {@code BigDecimal} as its plain string, other numbers as Java prints them; NaN and infinities
 *       cannot be written.</li>
 *   <li>{@code java.time}: typed literals ({@code DATE '2024-01-31'}, {@code TIME '10:15:30'},
 *       {@code TIMESTAMP '2024-01-31 10:15:30.5'}, {@code TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+02:00'},
 *       {@code TIME WITH TIME ZONE '10:15:30+02:00'}). {@code Instant} is written at UTC and
 *       {@code ZonedDateTime} at its offset (the zone's name is not kept). Other temporal types cannot be written.</li>
 *   <li>{@code UUID}: {@code UUID '…'}; {@code byte[]}: {@code X'00ff'}.</li>
 * </ul>
 */
public class SqlLiteral {

    /** The standard spelling, shared by every dialect that overrides nothing. */
    public static final SqlLiteral STANDARD = new SqlLiteral();

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    protected SqlLiteral() {
    }

    /**
     * The literal for a value of one of the types {@link dev.retort.operation.SqlValue.Literal} accepts.
     *
     * @throws IllegalArgumentException for a value that has no literal
     */
    public String of(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof CharSequence text) {
            return string(text.toString());
        } else if (value instanceof Enum<?> constant) {
            return string(constant.name());
        } else if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        } else if (value instanceof Number number) {
            return number(number);
        } else if (value instanceof UUID uuid) {
            return "UUID '" + uuid + "'";
        } else if (value instanceof byte[] bytes) {
            return binary(bytes);
        } else if (value instanceof TemporalAccessor temporal) {
            return temporal(temporal);
        }
        throw new IllegalArgumentException("no SQL literal for a " + value.getClass().getName());
    }

    protected String string(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    protected String number(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException(number + " has no SQL literal");
        }
        return number.toString();
    }

    protected String binary(byte[] bytes) {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }

    protected String temporal(TemporalAccessor value) {
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        } else if (value instanceof LocalTime time) {
            return "TIME '" + time(time) + "'";
        } else if (value instanceof LocalDateTime dateTime) {
            return "TIMESTAMP '" + dateTime.toLocalDate() + " " + time(dateTime.toLocalTime()) + "'";
        } else if (value instanceof OffsetDateTime dateTime) {
            return "TIMESTAMP WITH TIME ZONE '" + dateTime.toLocalDate() + " " + time(dateTime.toLocalTime())
                    + OFFSET.format(dateTime.getOffset()) + "'";
        } else if (value instanceof ZonedDateTime dateTime) {
            return temporal(dateTime.toOffsetDateTime());
        } else if (value instanceof Instant instant) {
            return temporal(instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof OffsetTime time) {
            return "TIME WITH TIME ZONE '" + time(time.toLocalTime()) + OFFSET.format(time.getOffset()) + "'";
        }
        throw new IllegalArgumentException("no SQL literal for a " + value.getClass().getName()
                + " (" + value + "); use LocalDate, LocalTime, LocalDateTime, OffsetDateTime, OffsetTime,"
                + " ZonedDateTime or Instant");
    }

    /** {@code HH:mm:ss}, with as many fraction digits as the value has (up to nanoseconds). */
    protected static String time(LocalTime time) {
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return text;
        }
        return text + "." + String.format("%09d", time.getNano()).replaceFirst("0+$", "");
    }
}
