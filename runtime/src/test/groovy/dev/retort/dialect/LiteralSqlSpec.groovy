package dev.retort.dialect

import dev.retort.operation.InsertRows
import dev.retort.operation.ReferentialAction
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.OffsetTime
import java.time.Year
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

import static dev.retort.dialect.Ops.*

class LiteralSqlSpec extends Specification {

    /** The literal a dialect writes for a value, taken from a one-value insert. */
    static String literal(Dialect dialect, Object value) {
        def sql = oneSql(dialect, new InsertRows('t', ['v'], rows([[value]]), AT))
        def prefix = 'INSERT INTO ' + dialect.quote('t') + ' (' + dialect.quote('v') + ') VALUES ('
        assert sql.startsWith(prefix) && sql.endsWith(')')
        sql.substring(prefix.length(), sql.length() - 1)
    }

    def "#description is written #onH2 on H2 and #onPg on PostgreSQL"() {
        expect:
        literal(H2, value) == onH2
        literal(PG, value) == onPg

        where:
        description             | value                                                                  || onH2                                                  | onPg
        'null'                  | null                                                                   || 'NULL'                                                | 'NULL'
        'a string'              | 'plain'                                                                || "'plain'"                                             | "'plain'"
        'a quote'               | "it's"                                                                 || "'it''s'"                                             | "'it''s'"
        'only quotes'           | "''"                                                                   || "''''''"                                              | "''''''"
        'a backslash'           | 'a\\b'                                                                 || "'a\\b'"                                              | "'a\\b'"
        'unicode'               | 'Grüße 😀'                                                             || "'Grüße 😀'"                                          | "'Grüße 😀'"
        'a line break'          | 'a\nb'                                                                 || "'a\nb'"                                              | "'a\nb'"
        'a GString'             | "x${1}"                                                                || "'x1'"                                                | "'x1'"
        'true'                  | true                                                                   || 'TRUE'                                                | 'TRUE'
        'false'                 | false                                                                  || 'FALSE'                                               | 'FALSE'
        'an int'                | 42                                                                     || '42'                                                  | '42'
        'a negative long'       | -7L                                                                    || '-7'                                                  | '-7'
        'a BigInteger'          | 12345678901234567890G                                                  || '12345678901234567890'                                | '12345678901234567890'
        'a BigDecimal'          | new BigDecimal('1E+3')                                                 || '1000'                                                | '1000'
        'a small BigDecimal'    | new BigDecimal('0.00000001')                                           || '0.00000001'                                          | '0.00000001'
        'a double'              | 1.5d                                                                   || '1.5'                                                 | '1.5'
        'a float'               | 0.25f                                                                  || '0.25'                                                | '0.25'
        'a date'                | LocalDate.of(2024, 1, 31)                                              || "DATE '2024-01-31'"                                   | "DATE '2024-01-31'"
        'a time on the minute'  | LocalTime.of(10, 15)                                                   || "TIME '10:15:00'"                                     | "TIME '10:15:00'"
        'a time with millis'    | LocalTime.of(10, 15, 30, 123_000_000)                                  || "TIME '10:15:30.123'"                                 | "TIME '10:15:30.123'"
        'a time with nanos'     | LocalTime.of(10, 15, 30, 1)                                            || "TIME '10:15:30.000000001'"                           | "TIME '10:15:30.000000001'"
        'a timestamp'           | LocalDateTime.of(2024, 1, 31, 10, 15, 30)                              || "TIMESTAMP '2024-01-31 10:15:30'"                     | "TIMESTAMP '2024-01-31 10:15:30'"
        'an offset timestamp'   | OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(2))   || "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+02:00'" | "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+02:00'"
        'a UTC timestamp'       | OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.UTC)          || "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+00:00'" | "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+00:00'"
        'an instant'            | Instant.parse('2024-01-31T10:15:30.5Z')                                || "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30.5+00:00'" | "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30.5+00:00'"
        'a zoned timestamp'     | ZonedDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneId.of('Europe/Paris')) || "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+01:00'" | "TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+01:00'"
        'an offset time'        | OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(-5))                   || "TIME WITH TIME ZONE '10:15:30-05:00'"                | "TIME WITH TIME ZONE '10:15:30-05:00'"
        'a UUID'                | UUID.fromString('123e4567-e89b-12d3-a456-426614174000')                || "UUID '123e4567-e89b-12d3-a456-426614174000'"         | "UUID '123e4567-e89b-12d3-a456-426614174000'"
        'bytes'                 | [0, 255, 16] as byte[]                                                 || "X'00ff10'"                                           | "'\\x00ff10'::bytea"
        'no bytes'              | new byte[0]                                                            || "X''"                                                 | "'\\x'::bytea"
        'an enum'               | ReferentialAction.CASCADE                                              || "'CASCADE'"                                           | "'CASCADE'"
    }

    def "#description has no literal: RenderException naming the script line"() {
        when:
        dialect.renderer().render(new InsertRows('t', ['v'], rows([[value]]), AT))

        then:
        RenderException e = thrown()
        e.message.startsWith('migrations/0007_books.groovy:12: insert into t (1 row) cannot be rendered for ' + dialect.name() + ': ')
        e.message.contains(why)

        where:
        description        | dialect | value                    || why
        'NaN'              | H2      | Double.NaN               || 'NaN has no SQL literal'
        'infinity'         | PG      | Float.POSITIVE_INFINITY  || 'Infinity has no SQL literal'
        'a Year'           | H2      | Year.of(2024)            || 'no SQL literal for a java.time.Year'
    }
}
