package dev.retort.dialect

import dev.retort.operation.AddColumn
import dev.retort.operation.AlterColumn
import dev.retort.operation.ColumnType
import dev.retort.operation.CreateTable
import dev.retort.operation.DropColumn
import dev.retort.operation.DropTable
import dev.retort.operation.InsertRows
import dev.retort.operation.RenameColumn
import dev.retort.operation.RenameTable
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.SQLException

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*
import static dev.retort.operation.ReferentialAction.*

class TableDdlOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    static final CreateTable AUTHORS = new CreateTable('authors', [
            col('id', type(BIGINT), identity: true, pk: true),
            col('name', ColumnType.varchar(100), nullable: false)], [], AT)

    static final CreateTable BOOKS = new CreateTable('books', [
            col('id', type(BIGINT), identity: true, pk: true),
            col('title', ColumnType.varchar(200), nullable: false, default: 'untitled'),
            col('isbn', ColumnType.character(13), unique: true),
            col('price', ColumnType.decimal(10, 2), default: 0),
            col('added', type(DATE), nullable: false, default: expr('CURRENT_DATE')),
            col('author_id', type(BIGINT), references: refs('authors', ['id'], CASCADE, SET_NULL))], [], AT)

    def "createTable makes every column, default, key and reference on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(AUTHORS, BOOKS)

        then:
        def books = live.table('books')
        books.columnNames()*.toLowerCase() == ['id', 'title', 'isbn', 'price', 'added', 'author_id']
        with(books.column('id').get()) { autoIncrement() && !nullable() }
        with(books.column('title').get()) { !nullable() && defaultValue().contains("'untitled'") }
        books.column('price').get().defaultValue().contains('0')
        books.column('added').get().defaultValue().toUpperCase().contains('CURRENT_DATE')
        books.column('isbn').get().nullable()
        books.primaryKey().name().equalsIgnoreCase('pk_books')
        books.primaryKey().columns()*.toLowerCase() == ['id']
        books.constraint('uq_books_isbn').get().type() == 'UNIQUE'
        with(books.foreignKey('fk_books_author_id').get()) {
            columns()*.toLowerCase() == ['author_id']
            referencedTable().equalsIgnoreCase('authors')
            referencedColumns()*.toLowerCase() == ['id']
            deleteRule() == 'CASCADE'
            updateRule() == 'SET NULL'
        }

        when: 'rows are added without the generated and defaulted values'
        live.apply(new InsertRows('authors', ['name'], rows([['Le Guin']]), AT),
                new InsertRows('books', ['isbn', 'author_id'], rows([['9780441478125', 1L]]), AT))

        then:
        live.column('books', 'id', Long, 'id') == [1L]
        live.column('books', 'title', String, 'id') == ['untitled']
        live.column('books', 'price', BigDecimal, 'id') == [0.00]

        where:
        engine << DatabaseEngine.values()
    }

    def "a second book with the same isbn breaks the inline unique constraint on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(AUTHORS, BOOKS, new InsertRows('books', ['isbn'], rows([['9780441478125']]), AT))

        when:
        live.apply(new InsertRows('books', ['isbn'], rows([['9780441478125']]), AT))

        then:
        thrown(SQLException)

        where:
        engine << DatabaseEngine.values()
    }

    def "several primary key columns make one key pk_<table> on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)

        when:
        live.apply(new CreateTable('tags', [col('book_id', type(BIGINT), pk: true), col('tag', ColumnType.varchar(50), pk: true)], [], AT))

        then:
        with(live.table('tags').primaryKey()) {
            name().equalsIgnoreCase('pk_tags')
            columns()*.toLowerCase() == ['book_id', 'tag']
        }

        where:
        engine << DatabaseEngine.values()
    }

    def "renameTable, addColumn, renameColumn and dropColumn leave things under their new names on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(AUTHORS, new InsertRows('authors', ['name'], rows([['Butler'], ['Jemisin']]), AT))

        when:
        live.apply(new RenameTable('authors', 'writers', AT),
                new AddColumn('writers', col('born', type(INTEGER), nullable: false, default: 1900), AT),
                new AddColumn('writers', col('nickname', ColumnType.varchar(30)), AT),
                new RenameColumn('writers', 'name', 'full_name', AT),
                new DropColumn('writers', 'nickname', null, AT))

        then:
        !live.catalog().hasTable('authors')
        def writers = live.table('writers')
        writers.columnNames()*.toLowerCase() == ['id', 'full_name', 'born']
        !writers.column('born').get().nullable()
        live.column('writers', 'full_name', String, 'id') == ['Butler', 'Jemisin']
        live.column('writers', 'born', Integer, 'id') == [1900, 1900]

        when:
        live.apply(new DropTable('writers', null, AT))

        then:
        live.catalog().tables().empty

        where:
        engine << DatabaseEngine.values()
    }

    def "alterColumn changes type, default and nullability, keeping the data, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('books', [col('id', type(INTEGER)), col('pages', type(INTEGER), nullable: false, default: 1)], [], AT),
                new InsertRows('books', ['id', 'pages'], rows([[1, 300]]), AT))

        when: 'only the type changes'
        live.apply(new AlterColumn('books', 'pages', type(BIGINT), null, null, null, null, null, null, AT))

        then: 'nullability and default stay'
        with(live.table('books').column('pages').get()) {
            jdbcType() == java.sql.Types.BIGINT
            !nullable()
            defaultValue().contains('1')
        }
        live.column('books', 'pages', Long, 'id') == [300L]

        when:
        live.apply(new AlterColumn('books', 'pages', null, true, AlterColumn.DefaultChange.drop(), null, null, null, null, AT))

        then:
        with(live.table('books').column('pages').get()) {
            nullable()
            defaultValue() == null
        }

        when:
        live.apply(new AlterColumn('books', 'pages', null, false, new AlterColumn.DefaultChange(lit(42)), null, null, null, null, AT),
                new InsertRows('books', ['id'], rows([[2]]), AT))

        then:
        !live.table('books').column('pages').get().nullable()
        live.column('books', 'pages', Long, 'id') == [300L, 42L]

        where:
        engine << DatabaseEngine.values()
    }

    def "a type change with USING converts the values on PostgreSQL"() {
        given:
        live = LiveDatabase.fresh(DatabaseEngine.POSTGRESQL)
        live.apply(new CreateTable('books', [col('id', type(INTEGER)), col('pages', ColumnType.varchar(10))], [], AT),
                new InsertRows('books', ['id', 'pages'], rows([[1, ' 300 ']]), AT))

        when:
        live.apply(new AlterColumn('books', 'pages', type(INTEGER), null, null, null, null, null, 'trim(pages)::integer', AT))

        then:
        live.table('books').column('pages').get().typeName() == 'int4'
        live.column('books', 'pages', Integer, 'id') == [300]
    }
}
