package dev.retort.dialect

import dev.retort.operation.ColumnType
import dev.retort.operation.CreateTable
import dev.retort.operation.DeleteRows
import dev.retort.operation.InsertRows
import dev.retort.operation.ReferentialAction
import dev.retort.operation.UpdateRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.ZoneOffset

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*

class RowsOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    static final String TRICKY = 'it\'s "quoted" \\ back\\slash; drop table x; --\nline two'
    static final String UNICODE = 'Grüße 😀 ñ 日本語'
    static final OffsetDateTime STAMP = OffsetDateTime.of(2024, 1, 31, 23, 15, 30, 123_456_000, ZoneOffset.ofHours(-5))
    static final UUID ID = UUID.fromString('123e4567-e89b-12d3-a456-426614174000')
    static final byte[] BYTES = [0, 1, 39, 92, -1] as byte[]

    static final CreateTable SAMPLES = new CreateTable('samples', [
            col('id', type(INTEGER), pk: true),
            col('s', ColumnType.varchar(200)), col('t', type(TEXT)), col('flag', type(BOOLEAN)),
            col('amount', ColumnType.decimal(20, 8)), col('ratio', type(DOUBLE)), col('day', type(DATE)),
            col('at_time', type(TIME)), col('ts', type(TIMESTAMP)), col('tstz', type(TIMESTAMP_TZ)),
            col('u', type(ColumnType.Kind.UUID)), col('bin', type(BINARY)), col('doc', type(JSON))], [], AT)

    def "inserted literals of every kind read back as written on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(SAMPLES)

        when:
        live.apply(new InsertRows('samples', ['id', 's', 't', 'flag', 'amount', 'ratio', 'day', 'at_time', 'ts', 'tstz', 'u', 'bin', 'doc'], rows([
                [1, TRICKY, UNICODE, true, new BigDecimal('12345678901.12345678'), 1.5d, LocalDate.of(2024, 2, 29),
                 LocalTime.of(10, 15, 30, 123_456_000), LocalDateTime.of(2024, 1, 31, 10, 15, 30, 500_000_000), STAMP,
                 ID, BYTES, expr('JSON \'{"a":[1,"x"]}\'')],
                [2, ReferentialAction.SET_NULL, null, false, -0.5, -1e10d, null, null, null, null, null, null, null]]), AT))

        then:
        live.column('samples', 's', String, 'id') == [TRICKY, 'SET_NULL']
        live.column('samples', 't', String, 'id') == [UNICODE, null]
        live.column('samples', 'flag', Boolean, 'id') == [true, false]
        live.column('samples', 'amount', BigDecimal, 'id') == [new BigDecimal('12345678901.12345678'), new BigDecimal('-0.50000000')]
        live.column('samples', 'ratio', Double, 'id') == [1.5d, -1e10d]
        live.column('samples', 'day', LocalDate, 'id') == [LocalDate.of(2024, 2, 29), null]
        live.column('samples', 'at_time', LocalTime, 'id') == [LocalTime.of(10, 15, 30, 123_456_000), null]
        live.column('samples', 'ts', LocalDateTime, 'id') == [LocalDateTime.of(2024, 1, 31, 10, 15, 30, 500_000_000), null]
        live.column('samples', 'tstz', OffsetDateTime, 'id')*.toInstant() == [STAMP.toInstant(), null]
        live.column('samples', 'u', UUID, 'id') == [ID, null]
        live.column('samples', 'bin', byte[], 'id')[0] == BYTES
        live.column('samples', 'bin', byte[], 'id')[1] == null
        live.column('samples', 'doc', String, 'id')[0].replace(' ', '') == '{"a":[1,"x"]}'

        where:
        engine << DatabaseEngine.values()
    }

    def "updates set values, NULL and expressions, and a null in where matches IS NULL, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('books', [col('id', type(INTEGER)), col('title', ColumnType.varchar(50)),
                                             col('subtitle', ColumnType.varchar(50)), col('price', type(INTEGER))], [], AT),
                new InsertRows('books', ['id', 'title', 'subtitle', 'price'], rows([[1, 'A', null, 1], [2, 'B', 'x', 2], [3, 'C', null, 3]]), AT))

        when:
        live.apply(new UpdateRows('books', values(title: "O'Brien", price: expr('price + 10')), values(subtitle: null), AT))

        then:
        live.column('books', 'title', String, 'id') == ["O'Brien", 'B', "O'Brien"]
        live.column('books', 'price', Integer, 'id') == [11, 2, 13]

        when:
        live.apply(new UpdateRows('books', values(subtitle: null), values(id: 2, title: 'B'), AT))

        then:
        live.column('books', 'subtitle', String, 'id') == [null, null, null]

        when: 'an update without where changes every row'
        live.apply(new UpdateRows('books', values(price: 0), [:], AT))

        then:
        live.column('books', 'price', Integer, 'id') == [0, 0, 0]

        where:
        engine << DatabaseEngine.values()
    }

    def "deletes remove the rows their where matches, or all of them, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('books', [col('id', type(INTEGER)), col('title', ColumnType.varchar(50)), col('subtitle', ColumnType.varchar(50))], [], AT),
                new InsertRows('books', ['id', 'title', 'subtitle'], rows([[1, "O'Brien", null], [2, "O'Brien", 'x'], [3, 'C', null]]), AT))

        when:
        live.apply(new DeleteRows('books', values(title: "O'Brien", subtitle: null), AT))

        then:
        live.column('books', 'id', Integer, 'id') == [2, 3]

        when:
        live.apply(new DeleteRows('books', [:], AT))

        then:
        live.column('books', 'id', Integer, 'id') == []

        where:
        engine << DatabaseEngine.values()
    }
}
