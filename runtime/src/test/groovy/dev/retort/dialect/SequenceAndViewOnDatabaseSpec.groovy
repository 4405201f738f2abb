package dev.retort.dialect

import dev.retort.operation.ColumnType
import dev.retort.operation.CreateSequence
import dev.retort.operation.CreateTable
import dev.retort.operation.CreateView
import dev.retort.operation.DropSequence
import dev.retort.operation.DropView
import dev.retort.operation.InsertRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*
import static dev.retort.testsupport.DatabaseEngine.H2
import static dev.retort.testsupport.DatabaseEngine.POSTGRESQL

class SequenceAndViewOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    def "a sequence starts and increments as asked, and is dropped, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('numbers', [col('n', type(BIGINT))], [], AT))

        when:
        live.apply(new CreateSequence('book_seq', 100L, 5L, AT),
                new InsertRows('numbers', ['n'], rows([[expr(nextValue)], [expr(nextValue)]]), AT))

        then:
        live.catalog().hasSequence('book_seq')
        live.column('numbers', 'n', Long, 'n') == [100L, 105L]

        when:
        live.apply(new DropSequence('book_seq', null, AT))

        then:
        !live.catalog().hasSequence('book_seq')

        where:
        engine     || nextValue
        H2         || 'NEXT VALUE FOR "BOOK_SEQ"'
        POSTGRESQL || "nextval('book_seq')"
    }

    def "a view shows its query's rows, and is dropped, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('books', [col('title', ColumnType.varchar(50)), col('price', ColumnType.decimal(6, 2))], [], AT),
                new InsertRows('books', ['title', 'price'], rows([['Dune', 12.5], ['Kindred', 8.0]]), AT))

        when:
        live.apply(new CreateView('cheap_books', 'select title from books where price < 10', AT))

        then:
        live.catalog().hasView('cheap_books')
        !live.catalog().hasTable('cheap_books')
        live.column('cheap_books', 'title', String, 'title') == ['Kindred']

        when:
        live.apply(new DropView('cheap_books', null, AT))

        then:
        !live.catalog().hasView('cheap_books')

        where:
        engine << DatabaseEngine.values()
    }
}
