package dev.retort.cli

import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.sql.Connection

/**
 * {@code --sql} prints the script online mode would run, without a connection; {@code --dry-run} reads the
 * database and changes nothing. The proof that offline is not a separate code path: its script, applied to an empty
 * database, leaves the same schema and version rows as running online.
 */
class OfflineSqlSpec extends Specification {

    /** A URL nothing answers at: offline commands must not notice. */
    static final String NOWHERE = 'jdbc:postgresql://127.0.0.1:1/nowhere'

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    @AutoCleanup
    TestDatabase target

    def setup() {
        cli = new CliFixture(tmp).withBookstore()
    }

    /** The statements of a printed script: split on the terminator and blank line, comment lines dropped. */
    static List<String> statements(String script) {
        script.split(';\n\n').collect { chunk ->
            chunk.readLines().findAll { !it.startsWith('--') }.join('\n').trim()
        }.findAll { !it.isEmpty() }
    }

    def "upgrade --sql needs no connection: the whole script from base, in transactions on PostgreSQL"() {
        given: 'were a connection tried, the command would fail with exit 7'
        cli.properties(url: NOWHERE)

        when:
        CliResult sql = cli.run('upgrade', '--sql')

        then:
        sql.exit == 0
        sql.out.startsWith('BEGIN;\n\nCREATE TABLE "retort_version" ("version_num" VARCHAR(64) NOT NULL')
        sql.out.endsWith('COMMIT;\n\n')
        (sql.out =~ /(?m)^-- Running upgrade /).size() == 7
        sql.out.contains('-- Running upgrade <base> -> 1a2b3c4d5e6f')
        sql.out.contains('''INSERT INTO "retort_version" ("version_num") VALUES ('1a2b3c4d5e6f');''')
        sql.out.contains('''UPDATE "retort_version" SET "version_num" = '708192a3b4c5' WHERE "version_num" = '6f708192a3b4';''')

        and: 'progress goes to stderr, so stdout is a clean script'
        sql.err.readLines().every { it.startsWith('Running upgrade') }
    }

    def "upgrade --sql FROM:TO starts at FROM: no version table is created"() {
        given:
        cli.properties(url: NOWHERE)

        when:
        CliResult sql = cli.run('upgrade', '--sql', '2b3c4d5e6f70:4d5e')

        then:
        sql.exit == 0
        (sql.out =~ /(?m)^-- Running .*/)*.replaceAll(/ \(.*\)$/, '') == [
                '-- Running upgrade 2b3c4d5e6f70 -> 3c4d5e6f7081',
                '-- Running upgrade 3c4d5e6f7081 -> 4d5e6f708192']
        !sql.out.contains('CREATE TABLE "retort_version"')
        sql.out.contains('ALTER TABLE "authors" RENAME COLUMN "name" TO "full_name";')
        sql.out.contains('''UPDATE "retort_version" SET "version_num" = '3c4d5e6f7081' WHERE "version_num" = '2b3c4d5e6f70';''')
    }

    def "downgrade --sql requires a range, and prints the reverse steps for one"() {
        given:
        cli.properties(url: NOWHERE)

        when:
        CliResult noRange = cli.run('downgrade', '--sql', '2b3c')

        then:
        noRange.exit == 6
        noRange.error.startsWith('downgrade with --sql requires <fromrev>:<torev>')
        noRange.out == ''

        when:
        CliResult sql = cli.run('downgrade', '--sql', '4d5e:2b3c')

        then:
        sql.exit == 0
        (sql.out =~ /(?m)^-- Running .*/)*.replaceAll(/ \(.*\)$/, '') == [
                '-- Running downgrade 4d5e6f708192 -> 3c4d5e6f7081',
                '-- Running downgrade 3c4d5e6f7081 -> 2b3c4d5e6f70']
        sql.out.contains('ALTER TABLE "authors" RENAME COLUMN "full_name" TO "name";')
        sql.out.contains('''UPDATE "retort_version" SET "version_num" = '2b3c4d5e6f70' WHERE "version_num" = '3c4d5e6f7081';''')

        when: 'down to base: the last row is deleted, the table is not dropped'
        CliResult toBase = cli.run('downgrade', '--sql', 'head:base')

        then:
        toBase.exit == 0
        toBase.out.contains('''DELETE FROM "retort_version" WHERE "version_num" = '1a2b3c4d5e6f';''')
        !toBase.out.contains('DROP TABLE "retort_version"')
    }

    def "offline SQL needs a URL or a dialect, and --dialect alone is enough"() {
        when:
        CliResult none = cli.run('upgrade', '--sql', '+1')

        then:
        none.exit == 3
        none.error.contains('offline SQL needs to know the database')

        when:
        CliResult h2 = cli.run('--dialect', 'h2', 'upgrade', '--sql', '+1')

        then: 'H2 folds names to upper case and has no transactional DDL: no BEGIN'
        h2.exit == 0
        h2.out.startsWith('CREATE TABLE "RETORT_VERSION"')
        !h2.out.contains('BEGIN;')
    }

    def "the offline script applied to an empty database gives what running online gives (#engine)"() {
        given:
        cli.on(engine)
        target = engine.fresh()

        when: 'online, into the project database'
        CliResult online = cli.run('upgrade', 'head')

        and: 'offline, applied by hand to another empty database'
        CliResult offline = cli.run('--url', target.jdbcUrl(), 'upgrade', '--sql', 'head')
        target.connect().withCloseable { Connection c ->
            statements(offline.out).each { String sql -> c.createStatement().withCloseable { it.execute(sql) } }
        }

        then:
        online.exit == 0
        offline.exit == 0
        Map onlineState = cli.connect().withCloseable { state(it) }
        Map offlineState = target.connect().withCloseable { state(it) }
        onlineState.tables.keySet() == ['authors', 'books', 'order_lines', 'orders', 'retort_history', 'retort_version'] as Set
        onlineState.views == ['book_catalog']
        onlineState.versions == [['708192a3b4c5']]
        onlineState.history.size() == 7

        and: 'table by table, column by column'
        onlineState.tables.each { name, table -> assert offlineState.tables[name] == table: name }
        offlineState.tables.keySet() == onlineState.tables.keySet()
        offlineState.views == onlineState.views
        offlineState.versions == onlineState.versions
        offlineState.history == onlineState.history
        offlineState.rows == onlineState.rows

        where:
        engine << DatabaseEngine.values()
    }

    /**
     * What a migration leaves behind, in a form two databases can be compared by: each table's columns, primary key,
     * indexes (by columns: H2 names the indexes behind constraints itself), foreign keys and named constraints; the
     * views; the version rows; which steps the history table recorded; the seeded rows. Names the database makes up
     * (H2's CONSTRAINT_n, PostgreSQL's oid_oid_n_not_null) are left out, and so is the lock table: only online runs
     * take the lock.
     */
    static Map state(Connection c) {
        Catalog catalog = new Catalog(c)
        Map tables = [:]
        catalog.tables().findAll { !it.equalsIgnoreCase('retort_version_lock') }.each { String name ->
            Catalog.Table t = catalog.table(name).get()
            tables[name.toLowerCase()] = [
                    columns    : t.columns().collect { [it.name().toLowerCase(), it.typeName(), it.size(), it.nullable(), it.autoIncrement()] },
                    primaryKey : t.primaryKey()?.columns()*.toLowerCase(),
                    indexes    : t.indexes().collect { [it.unique(), it.columns()*.toLowerCase()] }.sort { it.toString() },
                    foreignKeys: t.foreignKeys().collect { [it.name(), it.columns(), it.referencedTable(), it.deleteRule()] }.sort { it.toString() },
                    constraints: t.constraints().findAll { !(it.name() =~ /^(CONSTRAINT_|PRIMARY_KEY_)|_not_null$/) }
                            .collect { [it.name(), it.type()] }.sort { it.toString() }]
        }
        [tables  : tables,
         views   : catalog.views()*.toLowerCase().sort(),
         versions: query(c, 'SELECT version_num FROM retort_version ORDER BY version_num'),
         history : query(c, 'SELECT revision, direction FROM retort_history ORDER BY id'),
         rows    : query(c, 'SELECT title, price FROM books ORDER BY title') + query(c, 'SELECT full_name FROM authors ORDER BY id')]
    }

    static List<List> query(Connection c, String sql) {
        c.createStatement().withCloseable { s ->
            s.executeQuery(sql).withCloseable { rs ->
                List<List> rows = []
                int n = rs.metaData.columnCount
                while (rs.next()) {
                    rows << (1..n).collect { rs.getObject(it)?.toString() }
                }
                rows
            }
        }
    }

    def "--dry-run prints what would run and changes nothing (#engine)"() {
        given:
        cli.on(engine)
        cli.run('upgrade', '2b3c')
        Map before = cli.connect().withCloseable { [tables: cli.tables(), history: query(it, 'SELECT count(*) FROM retort_history')] }

        when:
        CliResult up = cli.run('upgrade', '--dry-run', 'head')

        then:
        up.exit == 0
        up.outLines[0] == '-- Dry run: the database is at 2b3c4d5e6f70; 5 step(s) would run. Nothing was changed.'
        up.out.contains('-- Running upgrade 2b3c4d5e6f70 -> 3c4d5e6f7081')
        up.out.contains('-- Running upgrade 6f708192a3b4 -> 708192a3b4c5')
        cli.versionRows() == ['2b3c4d5e6f70']

        and: 'progress on stderr says what would run: nothing claims to be running'
        up.errLines.size() == 5
        up.errLines[0] == 'Would run upgrade 2b3c4d5e6f70 -> 3c4d5e6f7081, books: isbn and a title index'
        up.errLines.every { it.startsWith('Would run upgrade ') }
        cli.connect().withCloseable { [tables: cli.tables(), history: query(it, 'SELECT count(*) FROM retort_history')] } == before

        when:
        CliResult down = cli.run('downgrade', '--dry-run', 'base')

        then:
        down.exit == 0
        down.outLines[0] == '-- Dry run: the database is at 2b3c4d5e6f70; 2 step(s) would run. Nothing was changed.'
        down.out.contains('DROP TABLE "')
        down.errLines[0] == 'Would run downgrade 2b3c4d5e6f70 -> 1a2b3c4d5e6f, create books'
        down.errLines.size() == 2
        cli.versionRows() == ['2b3c4d5e6f70']
        cli.userTables() == ['authors', 'books']

        when:
        cli.run('upgrade', 'head')
        CliResult nothing = cli.run('upgrade', '--dry-run', 'head')

        then:
        nothing.out == '-- Dry run: nothing to do; the database is at 708192a3b4c5.\n'

        where:
        engine << DatabaseEngine.values()
    }
}
