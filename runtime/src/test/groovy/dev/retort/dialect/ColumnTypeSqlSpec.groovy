package dev.retort.dialect

import dev.retort.operation.AddColumn
import dev.retort.operation.ColumnType
import spock.lang.Shared
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*

class ColumnTypeSqlSpec extends Specification {

    /** Each portable type with its H2 and PostgreSQL spelling. */
    @Shared
    List<List> golden = [
            [ColumnType.of(SMALLINT), 'SMALLINT', 'SMALLINT'],
            [ColumnType.of(INTEGER), 'INTEGER', 'INTEGER'],
            [ColumnType.of(BIGINT), 'BIGINT', 'BIGINT'],
            [ColumnType.of(BOOLEAN), 'BOOLEAN', 'BOOLEAN'],
            [ColumnType.decimal(10, 2), 'NUMERIC(10,2)', 'NUMERIC(10,2)'],
            [new ColumnType(DECIMAL, null, 5, null, null), 'NUMERIC(5,0)', 'NUMERIC(5,0)'],
            [ColumnType.of(DECIMAL), 'NUMERIC', 'NUMERIC'],
            [ColumnType.of(REAL), 'REAL', 'REAL'],
            [ColumnType.of(DOUBLE), 'DOUBLE PRECISION', 'DOUBLE PRECISION'],
            [ColumnType.character(3), 'CHAR(3)', 'CHAR(3)'],
            [ColumnType.of(CHAR), 'CHAR', 'CHAR'],
            [ColumnType.varchar(20), 'VARCHAR(20)', 'VARCHAR(20)'],
            [ColumnType.of(VARCHAR), 'VARCHAR', 'VARCHAR'],
            [ColumnType.of(TEXT), 'CHARACTER VARYING', 'TEXT'],
            [ColumnType.of(DATE), 'DATE', 'DATE'],
            [ColumnType.of(TIME), 'TIME(6)', 'TIME'],
            [ColumnType.of(TIMESTAMP), 'TIMESTAMP', 'TIMESTAMP'],
            [ColumnType.of(TIMESTAMP_TZ), 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
            [ColumnType.of(ColumnType.Kind.UUID), 'UUID', 'UUID'],
            [ColumnType.of(JSON), 'JSON', 'JSONB'],
            [ColumnType.of(BINARY), 'BINARY VARYING', 'BYTEA'],
            [new ColumnType(BINARY, 16, null, null, null), 'BINARY VARYING(16)', 'BYTEA'],
            [ColumnType.raw('INTERVAL DAY TO SECOND'), 'INTERVAL DAY TO SECOND', 'INTERVAL DAY TO SECOND'],
    ]

    def "#type is #onH2 on H2 and #onPg on PostgreSQL"() {
        expect:
        oneSql(H2, new AddColumn('t', col('c', type), AT)) == 'ALTER TABLE "T" ADD COLUMN "C" ' + onH2
        oneSql(PG, new AddColumn('t', col('c', type), AT)) == 'ALTER TABLE "t" ADD COLUMN "c" ' + onPg

        where:
        [type, onH2, onPg] << golden
    }

    def "every portable kind has a golden spelling"() {
        expect:
        golden.collect { (it[0] as ColumnType).kind() }.toSet() == ColumnType.Kind.values().toList().toSet()
    }
}
