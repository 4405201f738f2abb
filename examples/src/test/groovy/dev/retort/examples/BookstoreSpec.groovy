package dev.retort.examples

import dev.retort.api.Retort
import dev.retort.dialect.Dialects
import dev.retort.dsl.compile.GroovyMigrationSource
import dev.retort.plan.Direction
import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.Connection

/**
 * The bookstore example, end to end on H2 and PostgreSQL: its seven Groovy migrations go up, down and up again,
 * and the schema is read back from the database's own catalog. Expected values come from the scripts in
 * {@code examples/bookstore/migrations}, not from a previous run.
 */
class BookstoreSpec extends Specification {

    static final List<String> REVISIONS = ['1a2b3c4d5e6f', '2b3c4d5e6f70', '3c4d5e6f7081', '4d5e6f708192',
                                           '5e6f708192a3', '6f708192a3b4', '708192a3b4c5']
    static final String HEAD = '708192a3b4c5'
    static final String FOLDER = new File(System.getProperty('basedir', '.'), 'bookstore/migrations').absolutePath
    static final String CLASSPATH = 'classpath:bookstore/migrations'

    static final Set<String> SCHEMA_TABLES = ['authors', 'books', 'orders', 'order_lines'] as Set

    @AutoCleanup
    TestDatabase db
    @AutoCleanup
    TestDatabase other
    @AutoCleanup
    Connection connection

    Retort retort(TestDatabase database, String location) {
        Retort.configure().url(database.jdbcUrl()).user(database.user()).password(database.password())
                .locations(location).load()
    }

    /** Retort's own tables: the version and history tables, and on H2 (no advisory locks) the lock table. */
    static Set<String> bookkeeping(DatabaseEngine engine) {
        engine == DatabaseEngine.H2 ? ['retort_version', 'retort_history', 'retort_version_lock'] as Set
                : ['retort_version', 'retort_history'] as Set
    }

    def "#engine, #location: upgrade to head builds the whole schema and runs the Groovy data migration"() {
        given:
        db = engine.fresh()
        def retort = retort(db, location == 'folder' ? FOLDER : CLASSPATH)
        connection = db.connect()
        def catalog = new Catalog(connection)

        expect: 'the graph is read from the scripts, without a database'
        retort.heads()*.id() == [HEAD]
        retort.history()*.id() == REVISIONS.reverse()

        when:
        def result = retort.upgrade('head')

        then: 'seven revisions applied, oldest first, from an empty database'
        result.startHeads() == []
        result.endHeads() == [HEAD]
        result.steps()*.revision()*.id() == REVISIONS
        result.steps().every { it.direction() == Direction.UPGRADE }
        retort.currentRows() == [HEAD]
        retort.current()*.id() == [HEAD]

        and: 'the four tables and the view, besides the bookkeeping tables'
        nameSet(catalog.tables()) == SCHEMA_TABLES + bookkeeping(engine)
        nameSet(catalog.views()) == ['book_catalog'] as Set

        and: "authors: 'name' was renamed to 'full_name'"
        def authors = table(catalog, 'authors')
        lower(authors.columnNames()) == ['id', 'full_name', 'born']
        lower(authors.primaryKey().columns()) == ['id']
        !authors.column('full_name').get().nullable()

        and: 'books: isbn (unique), the title and slug indexes, the check, the key to authors'
        def books = table(catalog, 'books')
        lower(books.columnNames()) == ['id', 'title', 'author_id', 'price', 'published', 'isbn', 'slug']
        books.indexes().any { it.unique() && lower(it.columns()) == ['isbn'] }
        with(books.index('ix_books_title').get()) { !unique() && lower(columns()) == ['title'] }
        with(books.index('ix_books_slug').get()) { !unique() && lower(columns()) == ['slug'] }
        books.constraint('ck_books_price_positive').get().type() == 'CHECK'
        books.foreignKeys().size() == 1
        with(books.foreignKeys()[0]) {
            lower(columns()) == ['author_id']
            referencedTable().equalsIgnoreCase('authors')
            lower(referencedColumns()) == ['id']
            deleteRule() == defaultDeleteRule
        }

        and: 'orders and order_lines with their keys and delete rules'
        lower(table(catalog, 'orders').columnNames()) == ['id', 'customer_email', 'placed_at', 'status']
        table(catalog, 'orders').constraint('ck_orders_status').get().type() == 'CHECK'
        def lines = table(catalog, 'order_lines')
        lower(lines.primaryKey().columns()) == ['order_id', 'book_id']
        lines.foreignKeys().collectEntries { [(it.referencedTable().toLowerCase()): [lower(it.columns()), it.deleteRule()]] } ==
                [orders: [['order_id'], 'CASCADE'], books: [['book_id'], 'RESTRICT']]

        and: 'the seeded rows, with slugs computed by the execute { } block'
        rows('SELECT id, full_name FROM authors ORDER BY id') == [[1L, 'Ursula K. Le Guin'], [2L, 'Terry Pratchett']]
        rows('SELECT title, slug FROM books ORDER BY title') == [
                ['A Wizard of Earthsea', 'a-wizard-of-earthsea'],
                ['Guards! Guards!', 'guards-guards'],
                ['The Dispossessed', 'the-dispossessed']]
        rows('SELECT title, author, price FROM book_catalog ORDER BY title')
                .collect { [it[0], it[1], (it[2] as BigDecimal).toPlainString()] } == [
                ['A Wizard of Earthsea', 'Ursula K. Le Guin', '9.99'],
                ['Guards! Guards!', 'Terry Pratchett', '8.75'],
                ['The Dispossessed', 'Ursula K. Le Guin', '12.50']]

        and: "the identity column was moved past the seeded ids by the revision's per-dialect sql"
        update("INSERT INTO authors (full_name) VALUES ('Iain M. Banks')") == 1
        rows("SELECT id FROM authors WHERE full_name = 'Iain M. Banks'") == [[3L]]

        and: 'the history table logged each upgrade'
        history() == REVISIONS.collect { [it, 'upgrade'] }

        where:
        engine                    | location    | defaultDeleteRule
        DatabaseEngine.H2         | 'folder'    | 'RESTRICT'
        DatabaseEngine.POSTGRESQL | 'folder'    | 'NO ACTION'
        DatabaseEngine.H2         | 'classpath' | 'RESTRICT'
        DatabaseEngine.POSTGRESQL | 'classpath' | 'NO ACTION'
    }

    def "#engine: downgrade to base and up again: only the bookkeeping tables remain, every step is in the history"() {
        given:
        db = engine.fresh()
        def retort = retort(db, FOLDER)
        connection = db.connect()
        def catalog = new Catalog(connection)
        retort.upgrade('head')

        when:
        def down = retort.downgrade('base')

        then: 'every revision reverted, newest first'
        down.startHeads() == [HEAD]
        down.endHeads() == []
        down.steps()*.revision()*.id() == REVISIONS.reverse()
        down.steps().every { it.direction() == Direction.DOWNGRADE }

        and: 'the schema is gone; the version table stays, empty'
        nameSet(catalog.tables()) == bookkeeping(engine)
        catalog.views().isEmpty()
        retort.currentRows() == []
        retort.current() == []
        history() == REVISIONS.collect { [it, 'upgrade'] } + REVISIONS.reverse().collect { [it, 'downgrade'] }

        when: 'the round trip completes'
        def up = retort.upgrade('head')

        then:
        up.startHeads() == []
        up.steps()*.revision()*.id() == REVISIONS
        retort.currentRows() == [HEAD]
        nameSet(catalog.tables()) == SCHEMA_TABLES + bookkeeping(engine)
        nameSet(catalog.views()) == ['book_catalog'] as Set
        rows('SELECT slug FROM books ORDER BY slug')*.get(0) == ['a-wizard-of-earthsea', 'guards-guards', 'the-dispossessed']
        history().size() == 21
        history().drop(14) == REVISIONS.collect { [it, 'upgrade'] }

        and: 'a second upgrade to head has nothing to do'
        retort.upgrade('head').changedNothing()

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: the offline script for base:head builds the same schema and version rows as an online upgrade"() {
        given:
        db = engine.fresh()
        other = engine.fresh()
        def online = retort(db, FOLDER)
        def offline = retort(other, FOLDER)

        when: 'one database is migrated online; for the other, upgradeSql prints a script (reading nothing)'
        online.upgrade('head')
        def script = offline.upgradeSql('head')

        then:
        other.connect().withCloseable { new Catalog(it).tables() }.isEmpty()
        script.contains('runs Groovy code on the connection; it is skipped in offline output')

        when: 'the script is run statement by statement on the empty database'
        def statements = statements(script)
        other.connect().withCloseable { c ->
            statements.each { sql -> c.createStatement().withCloseable { it.execute(sql) } }
        }

        then: 'the execute { } block did not run: no slugs'
        other.connect().withCloseable { query(it, 'SELECT slug FROM books') }*.get(0) == [null, null, null]

        and: 'same tables, columns, indexes, keys, views and version rows (slugs are data, and the block was skipped)'
        def expected = db.connect().withCloseable { schema(it) }
        def actual = other.connect().withCloseable { schema(it) }
        actual.tables == expected.tables - 'retort_version_lock'
        actual.views == expected.views
        expected.tables.containsAll(SCHEMA_TABLES)
        actual.tables.each { name -> assert actual.detail[name] == expected.detail[name] }
        offline.currentRows() == online.currentRows()
        offline.currentRows() == [HEAD]

        and: 'the history rows say the same, revision by revision'
        other.connect().withCloseable { historyOf(it) } == db.connect().withCloseable { historyOf(it) }

        where:
        engine << DatabaseEngine.values()
    }

    def "BookstoreApp migrates an H2 in-memory database on start-up and prints the catalogue"() {
        given:
        def url = "jdbc:h2:mem:bookstore_app_${System.nanoTime()};DB_CLOSE_DELAY=-1"
        def out = new ByteArrayOutputStream()
        def original = System.out
        System.out = new PrintStream(out, true, 'UTF-8')

        when:
        try {
            BookstoreApp.main(url)
        } finally {
            System.out = original
        }
        def lines = out.toString('UTF-8').readLines()

        then:
        lines[0] == "Schema at $HEAD (7 revisions applied on start-up)"
        lines.drop(1)*.split(/\s{2,}/)*.toList() == [
                ['A Wizard of Earthsea', 'Ursula K. Le Guin', '9.99'],
                ['Guards! Guards!', 'Terry Pratchett', '8.75'],
                ['The Dispossessed', 'Ursula K. Le Guin', '12.50']]

        cleanup:
        java.sql.DriverManager.getConnection(url, 'sa', '').withCloseable { c ->
            c.createStatement().withCloseable { it.execute('SHUTDOWN') }
        }
    }

    def "the build precompiled the one script that needs Groovy into the application: loading all seven compiles nothing"() {
        given:
        def entries = new File(System.getProperty('basedir', '.'), 'target/classes/META-INF/retort/compiled')
        assert entries.isDirectory(): "$entries: the build's precompile-migrations step (examples/pom.xml) did not run"
        def packaged = new GroovyMigrationSource([CLASSPATH], getClass().classLoader)
        def folder = new GroovyMigrationSource([FOLDER], getClass().classLoader)

        when:
        def fromClasspath = packaged.loadAll(packaged.revisions())
        def fromFolder = folder.loadAll(folder.revisions())

        then: 'one entry, for the data migration written as Groovy code'
        entries.listFiles()*.name.findAll { it.endsWith('.classes') }.size() == 1
        fromClasspath*.revision()*.id() == REVISIONS
        packaged.compiledWithGroovy() == 0

        and: 'the entry is keyed by the name the application loads the script under: the folder compiles it'
        folder.compiledWithGroovy() == 1
        fromFolder*.upgrade()*.size() == fromClasspath*.upgrade()*.size()

        and: 'the headers ship beside the entries, for the jar (in this folder every file has its own stamp)'
        new File(entries.parentFile, 'headers.idx').length() > 0
    }

    // --- reading the database back -------------------------------------------------------------------------------

    /** The offline script's statements: split on the terminator and blank line, comment-only chunks left out. */
    static List<String> statements(String script) {
        script.split(/;\n\n/).collect { it.trim() }.findAll { chunk ->
            chunk && !chunk.readLines().every { it.trim().isEmpty() || it.trim().startsWith('--') }
        }.collect { it.endsWith(';') ? it[0..-2] : it }
    }

    /**
     * Tables and views by lower-case name; for each table its columns (name, type, size, nullability, default), named
     * indexes, keys and check constraints. Names the database makes up (H2's PRIMARY_KEY_8) are left out, since
     * their counters depend on what else the database created, such as the lock table.
     */
    static Map schema(Connection c) {
        def catalog = new Catalog(c)
        def tables = nameSet(catalog.tables())
        def detail = [:]
        catalog.tables().each { name ->
            def t = catalog.table(name).get()
            detail[name.toLowerCase()] = [
                    columns    : t.columns().collect { [it.name().toLowerCase(), it.typeName(), it.size(), it.nullable(), it.defaultValue()] },
                    primaryKey : lower(t.primaryKey()?.columns() ?: []),
                    indexes    : t.indexes().collect { [generated(it.name()) ? '?' : it.name().toLowerCase(), it.unique(), lower(it.columns())] } as Set,
                    foreignKeys: t.foreignKeys().collect { [lower(it.columns()), it.referencedTable().toLowerCase(), lower(it.referencedColumns()), it.deleteRule()] } as Set,
                    constraints: t.constraints().findAll { !generated(it.name()) }.collect { [it.name().toLowerCase(), it.type()] } as Set]
        }
        [tables: tables, views: nameSet(catalog.views()), detail: detail]
    }

    private static boolean generated(String name) {
        // H2: CONSTRAINT_8, PRIMARY_KEY_8, FK_..._INDEX_8; PostgreSQL: 2200_16403_1_not_null
        name ==~ /(?i).*(_[0-9]+|_index_[0-9a-f]+)/ || name ==~ /(?i)(constraint|primary_key)_.*/ || name ==~ /[0-9].*/
    }

    List<List<Object>> history() {
        historyOf(connection)
    }

    static List<List<Object>> historyOf(Connection c) {
        def dialect = Dialects.standard().forUrl(c.metaData.URL)
        query(c, dialect.selectAll('retort_history', ['id', 'revision', 'direction']))
                .sort { it[0] as long }.collect { [it[1], it[2]] }
    }

    List<List<Object>> rows(String sql) {
        query(connection, sql).collect { row -> row.collect { it instanceof Integer ? it as Long : it } }
    }

    int update(String sql) {
        connection.createStatement().withCloseable { it.executeUpdate(sql) }
    }

    static List<List<Object>> query(Connection c, String sql) {
        dev.retort.testsupport.QueryRows.of(c, sql)
    }

    static Catalog.Table table(Catalog catalog, String name) {
        catalog.table(name).orElseThrow { new AssertionError("no table $name in ${catalog.tables()}") }
    }

    static Set<String> nameSet(Collection<String> names) {
        names*.toLowerCase() as Set
    }

    static List<String> lower(List<String> names) {
        names*.toLowerCase()
    }
}
