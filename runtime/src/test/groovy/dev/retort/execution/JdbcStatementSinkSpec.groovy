package dev.retort.execution

import dev.retort.dialect.LiveDatabase
import dev.retort.dialect.SqlStatement
import dev.retort.operation.ColumnType
import dev.retort.operation.CreateTable
import dev.retort.operation.InsertRows
import dev.retort.operation.UpdateRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.BIGINT

/** Statements with parameters run prepared, once per text, on the real engines. */
class JdbcStatementSinkSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    @AutoCleanup
    JdbcStatementSink sink

    def "on #engine a statement with parameters runs with its values bound, and its text is prepared once"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('steps', [col('id', ColumnType.varchar(64)), col('took', type(BIGINT)),
                                             col('note', ColumnType.varchar(100))], [], AT))
        sink = new JdbcStatementSink(live.connection)

        when:
        ['a1', "it's", 'c3'].eachWithIndex { String id, int i ->
            sink.execute(bound(new InsertRows('steps', ['id', 'took', 'note'], rows([[id, i as long, null]]), AT)))
        }
        int updated = sink.execute(bound(new UpdateRows('steps', values(took: 42L), values(id: "it's"), AT)))

        then: 'the values arrived as written, NULL inline'
        updated == 1
        live.query('SELECT ' + live.dialect.quote('id') + ', ' + live.dialect.quote('took') + ', '
                + live.dialect.quote('note') + ' FROM ' + live.dialect.quote('steps') + ' ORDER BY 2')
                .collect { [it[0], it[1] as long, it[2]] } == [['a1', 0L, null], ['c3', 2L, null], ["it's", 42L, null]]

        and: 'one prepared statement per text: the insert and the update'
        sink.preparedCount() == 2

        when:
        sink.close()

        then:
        sink.preparedCount() == 0
        !live.connection.closed

        where:
        engine << DatabaseEngine.values()
    }

    def "on #engine an update count of a statement with parameters is what the database reports"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('steps', [col('id', ColumnType.varchar(64))], [], AT),
                new InsertRows('steps', ['id'], rows([['x'], ['x']]), AT))
        sink = new JdbcStatementSink(live.connection)

        expect:
        sink.execute(bound(new UpdateRows('steps', values(id: 'y'), values(id: 'x'), AT))) == 2
        sink.execute(bound(new UpdateRows('steps', values(id: 'z'), values(id: 'x'), AT))) == 0

        where:
        engine << DatabaseEngine.values()
    }

    def "on #engine more than 32 statement shapes still run; the sink keeps at most 32 prepared"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('wide', (0..39).collect { col('c' + it, ColumnType.varchar(10)) }, [], AT))
        sink = new JdbcStatementSink(live.connection)

        when: 'forty inserts, each naming a different column: forty texts'
        (0..39).each { int i -> sink.execute(bound(new InsertRows('wide', ['c' + i], rows([['v' + i]]), AT))) }

        then:
        sink.preparedCount() <= 32
        sink.preparedCount() > 0
        live.query('SELECT COUNT(*) FROM ' + live.dialect.quote('wide'))[0][0] as int == 40

        where:
        engine << DatabaseEngine.values()
    }

    private SqlStatement bound(op) {
        SqlStatement statement = live.dialect.renderer().renderWithParameters(op)[0] as SqlStatement
        assert statement.parameters() != null
        statement
    }
}
