package dev.retort.dialect

import dev.retort.operation.AddConstraint
import dev.retort.operation.ColumnType
import dev.retort.operation.CreateIndex
import dev.retort.operation.CreateTable
import dev.retort.operation.DropConstraint
import dev.retort.operation.DropIndex
import dev.retort.operation.InsertRows
import dev.retort.operation.TableConstraint
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.SQLException

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*
import static dev.retort.operation.ReferentialAction.*

class IndexAndConstraintOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    static final CreateTable BOOKS = new CreateTable('books', [
            col('id', type(INTEGER), nullable: false),
            col('author_id', type(INTEGER)),
            col('title', ColumnType.varchar(100)),
            col('pages', type(INTEGER)),
            col('deleted', type(BOOLEAN), nullable: false, default: false)], [], AT)

    static final CreateTable AUTHORS = new CreateTable('authors', [col('id', type(INTEGER), pk: true)], [], AT)

    def "indexes are created plain or unique over several columns, and dropped, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(BOOKS)

        when:
        live.apply(new CreateIndex('ix_books_title', 'books', ['title'], false, null, AT),
                new CreateIndex('ux_books_author_title', 'books', ['author_id', 'title'], true, null, AT))

        then:
        def books = live.table('books')
        with(books.index('ix_books_title').get()) {
            !unique()
            columns()*.toLowerCase() == ['title']
        }
        with(books.index('ux_books_author_title').get()) {
            unique()
            columns()*.toLowerCase() == ['author_id', 'title']
        }

        when:
        live.apply(new DropIndex('ix_books_title', 'books', null, AT))

        then:
        live.table('books').index('ix_books_title').empty
        live.table('books').index('ux_books_author_title').present

        where:
        engine << DatabaseEngine.values()
    }

    def "a partial unique index on PostgreSQL holds only where its condition does"() {
        given:
        live = LiveDatabase.fresh(DatabaseEngine.POSTGRESQL)
        live.apply(BOOKS)

        when:
        live.apply(new CreateIndex('ux_live_titles', 'books', ['title'], true, 'NOT deleted', AT),
                new InsertRows('books', ['id', 'title', 'deleted'], rows([[1, 'Kindred', true], [2, 'Kindred', false]]), AT))

        then: 'a deleted row does not count'
        live.table('books').index('ux_live_titles').get().unique()

        when:
        live.apply(new InsertRows('books', ['id', 'title', 'deleted'], rows([[3, 'Kindred', false]]), AT))

        then:
        thrown(SQLException)
    }

    def "a partial index on H2 fails before anything runs, naming the script line"() {
        given:
        live = LiveDatabase.fresh(DatabaseEngine.H2)
        live.apply(BOOKS)

        when:
        live.apply(new CreateIndex('ux_live_titles', 'books', ['title'], true, 'NOT deleted', AT))

        then:
        RenderException e = thrown()
        e.message.startsWith('migrations/0007_books.groovy:12: createIndex ux_live_titles on books cannot be rendered for h2')
        live.table('books').index('ux_live_titles').empty
    }

    def "constraints of every kind are added, enforced and dropped on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(AUTHORS, BOOKS, new InsertRows('authors', ['id'], rows([[1]]), AT))

        when:
        live.apply(new AddConstraint('books', new TableConstraint.PrimaryKey('books_pk', ['id']), AT),
                new AddConstraint('books', new TableConstraint.Unique('books_title_uq', ['author_id', 'title']), AT),
                new AddConstraint('books', new TableConstraint.Check('books_pages_positive', 'pages > 0'), AT),
                new AddConstraint('books', new TableConstraint.ForeignKey('books_author_fk', ['author_id'],
                        refs('authors', ['id'], CASCADE, RESTRICT)), AT))

        then:
        def books = live.table('books')
        books.primaryKey().name().equalsIgnoreCase('books_pk')
        books.constraint('books_pk').get().type() == 'PRIMARY KEY'
        books.constraint('books_title_uq').get().type() == 'UNIQUE'
        books.constraint('books_pages_positive').get().type() == 'CHECK'
        with(books.foreignKey('books_author_fk').get()) {
            referencedTable().equalsIgnoreCase('authors')
            deleteRule() == 'CASCADE'
            updateRule() == 'RESTRICT'
        }

        when: 'the check holds'
        live.apply(new InsertRows('books', ['id', 'pages'], rows([[1, 0]]), AT))

        then:
        thrown(SQLException)

        when: 'the foreign key holds'
        live.apply(new InsertRows('books', ['id', 'author_id'], rows([[1, 99]]), AT))

        then:
        thrown(SQLException)

        when:
        live.apply(new DropConstraint('books', 'books_pages_positive', null, AT),
                new DropConstraint('books', 'books_author_fk', null, AT),
                new DropConstraint('books', 'books_title_uq', null, AT),
                new DropConstraint('books', 'books_pk', null, AT),
                new InsertRows('books', ['id', 'author_id', 'pages'], rows([[1, 99, 0], [1, 99, 0]]), AT))

        then: 'they are gone, and nothing stops duplicates, unknown authors or zero pages'
        def after = live.table('books')
        ['books_pages_positive', 'books_author_fk', 'books_title_uq', 'books_pk'].every { after.constraint(it).empty }
        after.primaryKey() == null
        after.foreignKeys().empty
        live.column('books', 'pages', Integer, 'id') == [0, 0]

        where:
        engine << DatabaseEngine.values()
    }
}
