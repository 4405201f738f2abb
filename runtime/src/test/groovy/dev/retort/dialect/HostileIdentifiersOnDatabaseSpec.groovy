package dev.retort.dialect

import dev.retort.operation.ColumnType
import dev.retort.operation.CreateIndex
import dev.retort.operation.CreateTable
import dev.retort.operation.DeleteRows
import dev.retort.operation.DropConstraint
import dev.retort.operation.InsertRows
import dev.retort.operation.RenameColumn
import dev.retort.operation.TableConstraint
import dev.retort.operation.UpdateRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*

class HostileIdentifiersOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    static final String TABLE = 'a"; drop table x; --'
    static final String SPACED = 'first name'
    static final String QUOTED = 'Mixed"Quote'
    static final String INDEX = 'ix "weird" name'
    static final String CHECK = 'ck; drop table x'

    def "names full of quotes, spaces and SQL are created literally and do no harm on #engine"() {
        given: 'a table x that an injection would drop'
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('x', [col('id', type(INTEGER))], [], AT), new InsertRows('x', ['id'], rows([[1]]), AT))

        when:
        live.apply(new CreateTable(TABLE, [col(SPACED, ColumnType.varchar(50)), col(QUOTED, type(INTEGER)), col('select', type(INTEGER))],
                        [new TableConstraint.Check(CHECK, '1 = 1')], AT),
                new CreateIndex(INDEX, TABLE, [SPACED, QUOTED], true, null, AT),
                new InsertRows(TABLE, [SPACED, QUOTED, 'select'], rows([['Ursula', 1, 2], ['Octavia', 2, 3]]), AT),
                new UpdateRows(TABLE, [(QUOTED): lit(10)], [(SPACED): lit('Ursula')], AT),
                new DeleteRows(TABLE, [(SPACED): lit('Octavia')], AT),
                new RenameColumn(TABLE, 'select', 'Where?', AT),
                new DropConstraint(TABLE, CHECK, null, AT))

        then: 'every name is exactly as given'
        def catalog = live.catalog()
        catalog.tables().contains(TABLE)
        def table = live.table(TABLE)
        table.name() == TABLE
        table.columnNames() == [SPACED, QUOTED, 'Where?']
        table.indexes()*.name().contains(INDEX)
        table.index(INDEX).get().columns() == [SPACED, QUOTED]
        table.constraint(CHECK).empty
        live.column(TABLE, QUOTED, Integer, SPACED) == [10]

        and: 'x was never touched'
        catalog.hasTable('x')
        live.column('x', 'id', Integer, 'id') == [1]

        where:
        engine << DatabaseEngine.values()
    }

    def "books and Books are two tables, and the author's plain SQL finds the all-lower-case one, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(new CreateTable('books', [col('id', type(INTEGER))], [], AT),
                new CreateTable('Books', [col('id', type(INTEGER))], [], AT),
                new InsertRows('books', ['id'], rows([[1], [2]]), AT),
                new InsertRows('Books', ['id'], rows([[3]]), AT))

        then:
        live.catalog().tables().toSet() == [foldedBooks, 'Books'].toSet()
        live.query('select count(*) from books')[0][0] == 2
        live.query('select id from BOOKS where ID = 2')[0][0] == 2
        live.query('select count(*) from "Books"')[0][0] == 1

        where:
        engine                    || foldedBooks
        DatabaseEngine.H2         || 'BOOKS'
        DatabaseEngine.POSTGRESQL || 'books'
    }
}
