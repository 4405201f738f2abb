package dev.retort.dialect

import dev.retort.operation.ColumnType
import dev.retort.operation.CreateIndex
import dev.retort.operation.CreateTable
import dev.retort.operation.InsertRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*
import static dev.retort.testsupport.DatabaseEngine.H2
import static dev.retort.testsupport.DatabaseEngine.POSTGRESQL

class TypesOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    def "a #type column is created as #typeName on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(new CreateTable('typed', [col('c', type)], [], AT))

        then:
        def column = live.table('typed').column('c').get()
        column.typeName() == typeName
        column.nullable()

        where:
        engine     | type                                               || typeName
        H2         | ColumnType.of(SMALLINT)                            || 'SMALLINT'
        H2         | ColumnType.of(INTEGER)                             || 'INTEGER'
        H2         | ColumnType.of(BIGINT)                              || 'BIGINT'
        H2         | ColumnType.of(BOOLEAN)                             || 'BOOLEAN'
        H2         | ColumnType.decimal(10, 2)                          || 'NUMERIC'
        H2         | ColumnType.of(REAL)                                || 'REAL'
        H2         | ColumnType.of(DOUBLE)                              || 'DOUBLE PRECISION'
        H2         | ColumnType.character(3)                            || 'CHARACTER'
        H2         | ColumnType.varchar(20)                             || 'CHARACTER VARYING'
        H2         | ColumnType.of(VARCHAR)                             || 'CHARACTER VARYING'
        H2         | ColumnType.of(TEXT)                                || 'CHARACTER VARYING'
        H2         | ColumnType.of(DATE)                                || 'DATE'
        H2         | ColumnType.of(TIME)                                || 'TIME'
        H2         | ColumnType.of(TIMESTAMP)                           || 'TIMESTAMP'
        H2         | ColumnType.of(TIMESTAMP_TZ)                        || 'TIMESTAMP WITH TIME ZONE'
        H2         | ColumnType.of(ColumnType.Kind.UUID)                || 'UUID'
        H2         | ColumnType.of(JSON)                                || 'JSON'
        H2         | ColumnType.of(BINARY)                              || 'BINARY VARYING'
        H2         | ColumnType.raw('INTERVAL DAY TO SECOND')           || 'INTERVAL DAY TO SECOND'
        POSTGRESQL | ColumnType.of(SMALLINT)                            || 'int2'
        POSTGRESQL | ColumnType.of(INTEGER)                             || 'int4'
        POSTGRESQL | ColumnType.of(BIGINT)                              || 'int8'
        POSTGRESQL | ColumnType.of(BOOLEAN)                             || 'bool'
        POSTGRESQL | ColumnType.decimal(10, 2)                          || 'numeric'
        POSTGRESQL | ColumnType.of(REAL)                                || 'float4'
        POSTGRESQL | ColumnType.of(DOUBLE)                              || 'float8'
        POSTGRESQL | ColumnType.character(3)                            || 'bpchar'
        POSTGRESQL | ColumnType.varchar(20)                             || 'varchar'
        POSTGRESQL | ColumnType.of(VARCHAR)                             || 'varchar'
        POSTGRESQL | ColumnType.of(TEXT)                                || 'text'
        POSTGRESQL | ColumnType.of(DATE)                                || 'date'
        POSTGRESQL | ColumnType.of(TIME)                                || 'time'
        POSTGRESQL | ColumnType.of(TIMESTAMP)                           || 'timestamp'
        POSTGRESQL | ColumnType.of(TIMESTAMP_TZ)                        || 'timestamptz'
        POSTGRESQL | ColumnType.of(ColumnType.Kind.UUID)                || 'uuid'
        POSTGRESQL | ColumnType.of(JSON)                                || 'jsonb'
        POSTGRESQL | ColumnType.of(BINARY)                              || 'bytea'
        POSTGRESQL | ColumnType.raw('INTERVAL DAY TO SECOND')           || 'interval'
    }

    def "lengths, precision and scale arrive on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(new CreateTable('sized', [col('v', ColumnType.varchar(20)), col('c', ColumnType.character(3)),
                                             col('d', ColumnType.decimal(10, 2))], [], AT))

        then:
        def table = live.table('sized')
        table.column('v').get().size() == 20
        table.column('c').get().size() == 3
        table.column('d').get().size() == 10
        table.column('d').get().decimalDigits() == 2

        where:
        engine << DatabaseEngine.values()
    }

    def "a TEXT column can be compared and carry a unique index on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(new CreateTable('notes', [col('id', type(INTEGER)), col('body', type(TEXT))], [], AT),
                new CreateIndex('ux_notes_body', 'notes', ['body'], true, null, AT),
                new InsertRows('notes', ['id', 'body'], rows([[1, 'x' * 5000], [2, 'short']]), AT))

        then:
        live.table('notes').index('ux_notes_body').get().unique()
        live.column('notes', 'body', String, 'id') == ['x' * 5000, 'short']

        when:
        live.apply(new InsertRows('notes', ['id', 'body'], rows([[3, 'short']]), AT))

        then:
        thrown(java.sql.SQLException)

        where:
        engine << DatabaseEngine.values()
    }
}
