package dev.retort.api

import dev.retort.operation.RawSql
import dev.retort.operation.SourceLocation
import dev.retort.plan.Direction
import dev.retort.plan.UnknownVersionException
import dev.retort.revision.Migration
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration

import static dev.retort.api.LiveSchema.history
import static dev.retort.api.LiveSchema.insertVersionRow
import static dev.retort.api.LiveSchema.revisionTables
import static dev.retort.api.LiveSchema.runScript
import static dev.retort.api.LiveSchema.tables

/**
 * The embedding API on H2 and PostgreSQL, with revisions supplied as plain Java objects (a {@link TableSource}:
 * no Groovy DSL). Every expectation is read back from the database, not from what the facade says it did.
 */
class RetortSpec extends Specification {

    /** a1 - b2 - c3 */
    static final List<String> LINE = ['a1', 'b2 <- a1', 'c3 <- b2']

    @AutoCleanup
    TestDatabase db

    TableSource source = TableSource.of(LINE)

    Retort retort(TestDatabase database, TableSource source = this.source) {
        Retort.configure().url(database.jdbcUrl()).user(database.user()).password(database.password())
                .source(source).lockTimeout(Duration.ofSeconds(20)).load()
    }

    static Set<String> bookkeeping(DatabaseEngine engine) {
        engine == DatabaseEngine.H2 ? ['retort_version', 'retort_history', 'retort_version_lock'] as Set
                : ['retort_version', 'retort_history'] as Set
    }

    def "#engine: upgrade, downgrade and current move the schema and the version row"() {
        given:
        db = engine.fresh()
        def retort = retort(db)

        expect: 'reading the rows of a fresh database creates nothing'
        retort.currentRows() == []
        retort.current() == []
        tables(db).isEmpty()

        when:
        def result = retort.upgrade('b2')

        then: 'only what runs is loaded from the source'
        result.startHeads() == []
        result.endHeads() == ['b2']
        result.steps()*.revision()*.id() == ['a1', 'b2']
        result.steps()*.direction() == [Direction.UPGRADE] * 2
        source.loaded == ['a1', 'b2']
        retort.currentRows() == ['b2']
        retort.current()*.id() == ['b2']
        tables(db) == bookkeeping(engine) + ['t_a1', 't_b2']

        when: 'an older target is a no-op (Alembic §3.5)'
        def older = retort.upgrade('a1')

        then:
        older.changedNothing()
        older.endHeads() == ['b2']

        when:
        retort.upgrade('head')

        then:
        retort.currentRows() == ['c3']
        revisionTables(db) == ['a1', 'b2', 'c3'] as Set

        when:
        def down = retort.downgrade('a1')

        then: 'newest first'
        down.steps()*.revision()*.id() == ['c3', 'b2']
        down.steps()*.direction() == [Direction.DOWNGRADE] * 2
        retort.currentRows() == ['a1']
        revisionTables(db) == ['a1'] as Set

        when: 'downgrading to a revision that is not applied is an error that changes nothing'
        retort.downgrade('c3')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.TARGET
        e.message.contains('Destination c3 is not a valid downgrade target from current head(s)')
        retort.currentRows() == ['a1']

        when:
        retort.downgrade('-1')

        then: 'the bookkeeping tables stay (the lock table too, where there is one), the version table and the lock empty'
        retort.currentRows() == []
        tables(db) == bookkeeping(engine)
        retort.lock().holder().isEmpty()
        retort.downgrade('base').changedNothing()

        and: 'every step is in the history, with its direction'
        history(db) == [['a1', 'upgrade'], ['b2', 'upgrade'], ['c3', 'upgrade'],
                        ['c3', 'downgrade'], ['b2', 'downgrade'], ['a1', 'downgrade']]

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: stamp rewrites the version row and runs no migration; purge also clears rows no script defines"() {
        given:
        db = engine.fresh()
        def retort = retort(db)

        when:
        def stamped = retort.stamp(['b2'], false)

        then: 'the row is there, but no migration ran'
        stamped.endHeads() == ['b2']
        stamped.steps().every { !it.runsMigration() }
        retort.currentRows() == ['b2']
        revisionTables(db).isEmpty()
        source.loaded.isEmpty()

        when: 'up, down, then base'
        retort.stamp(['c3'], false)
        def upRow = retort.currentRows()
        retort.stamp(['a1'], false)
        def downRow = retort.currentRows()
        retort.stamp(['base'], false)

        then:
        upRow == ['c3']
        downRow == ['a1']
        retort.currentRows() == []
        history(db) == [['b2', 'stamp'], ['c3', 'stamp'], ['a1', 'stamp'], ['a1', 'stamp']]

        when: 'a row that no revision defines'
        retort.stamp(['b2'], false)
        insertVersionRow(db, 'cafe0000')
        retort.stamp(['c3'], false)

        then: 'a plain stamp refuses to guess'
        RetortException refused = thrown()
        refused.code() == ErrorCode.VERSION_TABLE
        refused.message.contains("'cafe0000'")
        retort.currentRows() as Set == ['b2', 'cafe0000'] as Set

        when: '--purge deletes every row first, even the unknown one'
        def purged = retort.stamp(['c3'], true)

        then:
        purged.endHeads() == ['c3']
        retort.currentRows() == ['c3']
        revisionTables(db).isEmpty()
        source.loaded.isEmpty()
        history(db).drop(5) as Set == [['b2', 'stamp'], ['cafe0000', 'stamp'], ['c3', 'stamp']] as Set

        and: 'the stamped database is at head: nothing to upgrade'
        retort.upgrade('head').changedNothing()

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a version row that no revision defines is a VERSION_TABLE error naming it (#method)"() {
        given:
        db = engine.fresh()
        def retort = retort(db)
        retort.upgrade('a1')
        insertVersionRow(db, 'cafe0000')

        when:
        action(retort)

        then: 'one wording, whether planning or reading the current revisions finds the row'
        UnknownVersionException e = thrown()
        e.code() == ErrorCode.VERSION_TABLE
        e.revision() == 'cafe0000'
        e.message == "the version table holds revision 'cafe0000', which no migration script defines (was a script" +
                " deleted or renamed, or is this database from another project?); restore its script, or rewrite the" +
                " table with 'retort stamp --purge'"

        and: 'nothing ran'
        revisionTables(db) == ['a1'] as Set
        retort.currentRows() as Set == ['a1', 'cafe0000'] as Set

        where:
        [engine, method, action] << [DatabaseEngine.values().toList(), [
                ['current()', { Retort r -> r.current() }],
                ['upgrade(head)', { Retort r -> r.upgrade('head') }],
                ['downgrade(base)', { Retort r -> r.downgrade('base') }],
                ['planUpgrade(head)', { Retort r -> r.planUpgrade('head') }],
                ['dryRunUpgrade(head)', { Retort r -> r.dryRunUpgrade('head') }]]
        ].combinations().collect { eng, c -> [eng, c[0], c[1]] }
    }

    def "#engine: upgradeSql and downgradeSql print ranges without touching the database, and the scripts run"() {
        given:
        db = engine.fresh()
        def retort = retort(db)

        when:
        def fromBase = retort.upgradeSql('b2')
        def range = retort.upgradeSql('b2:c3')
        def down = retort.downgradeSql('c3:a1')
        def toBase = retort.downgradeSql('a1:base')

        then: 'nothing was read or written'
        tables(db).isEmpty()
        source.loaded as Set == ['a1', 'b2', 'c3'] as Set

        and: 'from base the bookkeeping tables come first, then each migration with its comment'
        def lower = fromBase.toLowerCase()
        lower.indexOf('create table "retort_version"') < lower.indexOf('-- running upgrade <base> -> a1')
        lower.indexOf('-- running upgrade <base> -> a1') < lower.indexOf('create table "t_a1"')
        lower.indexOf('create table "t_a1"') < lower.indexOf('-- running upgrade a1 -> b2')
        !lower.contains('t_c3')

        and: 'a range starts from its start revision: no bookkeeping tables, nothing below it'
        !range.toLowerCase().contains('create table "retort_version"')
        range.contains('-- Running upgrade b2 -> c3')
        !range.contains('-> b2')

        and: 'downgrades are listed newest first'
        down.indexOf('-- Running downgrade c3 -> b2') < down.indexOf('-- Running downgrade b2 -> a1')
        !down.contains('-- Running downgrade a1')

        and: 'down to base the version table is kept (Alembic 1.19, #1822)'
        toBase.contains('-- Running downgrade a1 -> <base> (')
        !toBase.toLowerCase().contains('drop table "retort_version"')

        when: 'the scripts are run in turn on the database'
        runScript(db, fromBase)
        def rowsAfterFirst = retort.currentRows()
        runScript(db, range)
        def rowsAfterRange = retort.currentRows()
        runScript(db, down)
        def rowsAfterDown = retort.currentRows()
        def tablesAfterDown = revisionTables(db)
        runScript(db, toBase)

        then:
        rowsAfterFirst == ['b2']
        rowsAfterRange == ['c3']
        rowsAfterDown == ['a1']
        tablesAfterDown == ['a1'] as Set
        retort.currentRows() == []
        tables(db) == ['retort_version', 'retort_history'] as Set
        history(db) == [['a1', 'upgrade'], ['b2', 'upgrade'], ['c3', 'upgrade'],
                        ['c3', 'downgrade'], ['b2', 'downgrade'], ['a1', 'downgrade']]

        where:
        engine << DatabaseEngine.values()
    }

    def "offline downgrade needs a range, and offline SQL needs to know the database"() {
        when:
        Retort.configure().dialect('h2').source(source).load().downgradeSql('c3')

        then:
        RetortException range = thrown()
        range.code() == ErrorCode.TARGET
        range.message.contains('downgrade with --sql requires <fromrev>:<torev>')

        when: 'neither url nor dialect: a DataSource alone cannot say which SQL to write without connecting'
        Retort.configure().dataSource(new org.h2.jdbcx.JdbcDataSource()).source(source).load().upgradeSql('head')

        then:
        RetortException config = thrown()
        config.code() == ErrorCode.CONFIGURATION
        config.message.contains('give a url or a dialect')

        expect: 'a dialect alone is enough'
        Retort.configure().dialect('postgresql').source(source).load().upgradeSql('head').startsWith('BEGIN;\n\nCREATE TABLE "retort_version"')
    }

    def "#engine: a dry run prints what would run and changes nothing"() {
        given:
        db = engine.fresh()
        def retort = retort(db)

        when: 'on an empty database'
        def fresh = retort.dryRunUpgrade('head')

        then: 'not even the version table is created'
        fresh.startsWith('-- Dry run: the database is at base; 3 step(s) would run. Nothing was changed.\n')
        fresh.toLowerCase().contains('create table "t_c3"')
        tables(db).isEmpty()

        when:
        retort.upgrade('a1')
        def before = history(db)
        def up = retort.dryRunUpgrade('head')
        def down = retort.dryRunDowngrade('base')

        then:
        up.startsWith('-- Dry run: the database is at a1; 2 step(s) would run. Nothing was changed.\n')
        up.contains('-- Running upgrade a1 -> b2')
        down.startsWith('-- Dry run: the database is at a1; 1 step(s) would run. Nothing was changed.\n')
        down.toLowerCase().contains('drop table "t_a1"')
        retort.currentRows() == ['a1']
        revisionTables(db) == ['a1'] as Set
        history(db) == before

        when:
        retort.upgrade('head')

        then:
        retort.dryRunUpgrade('head') == '-- Dry run: nothing to do; the database is at c3.\n'

        where:
        engine << DatabaseEngine.values()
    }

    def "a FROM:TO range is refused online by #method, before the database is touched"() {
        given:
        db = DatabaseEngine.H2.fresh()
        def retort = retort(db)

        when:
        action(retort)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.TARGET
        e.message.contains("('a1:c3')")
        e.message.contains('only allowed with --sql')
        tables(db).isEmpty()

        where:
        method               | action
        'upgrade'            | { Retort r -> r.upgrade('a1:c3') }
        'downgrade'          | { Retort r -> r.downgrade('a1:c3') }
        'dryRunUpgrade'      | { Retort r -> r.dryRunUpgrade('a1:c3') }
        'dryRunDowngrade'    | { Retort r -> r.dryRunDowngrade('a1:c3') }
    }

    def "RetortConfig refuses #problem, naming the setting"() {
        given:
        def builder = Retort.configure().url('jdbc:h2:mem:')

        when:
        change(builder)
        builder.build()

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CONFIGURATION
        e.message.startsWith('invalid configuration: ')
        names.every { e.message.contains(it) }

        where:
        problem                         | names                              | change
        'no locations and no source'    | ['locations']                      | { }
        'both locations and a source'   | ['locations', 'source']            | { it.locations('db').source(TableSource.of('a')) }
        'a blank location'              | ['locations']                      | { it.locations('db', ' ') }
        'a negative lock timeout'       | ['lockTimeout', 'PT-1S']           | { it.source(TableSource.of('a')).lockTimeout(Duration.ofSeconds(-1)) }
        'no lock timeout'               | ['lockTimeout']                    | { it.source(TableSource.of('a')).lockTimeout(null) }
        'a URL that is not JDBC'        | ['url', "'postgresql://h/db'"]     | { it.source(TableSource.of('a')).url('postgresql://h/db') }
        'a version table name with SQL' | ['versionTable', "'v; drop'"]      | { it.source(TableSource.of('a')).versionTable('v; drop') }
        'a history table name too long' | ['historyTable']                   | { it.source(TableSource.of('a')).historyTable('h' * 64) }
        'a null version table name'     | ['versionTable', "'null'"]         | { it.source(TableSource.of('a')).versionTable(null) }
        'the same table twice'          | ['versionTable', 'historyTable']   | { it.source(TableSource.of('a')).versionTable('Log').historyTable('log') }
    }

    def "an invalid URL is shown with its password masked"() {
        when:
        Retort.configure().source(TableSource.of('a')).url('postgresql://app:s3cretpw@db/app?password=s3cretpw').build()

        then:
        RetortException e = thrown()
        e.message.contains('url must be a JDBC URL')
        !e.message.contains('s3cretpw')
        e.message.contains('****')
    }

    def "the configuration's toString masks the password"() {
        when:
        def config = Retort.configure().source(TableSource.of('a')).user('app')
                .url('jdbc:postgresql://db/app?password=s3cretpw').password('s3cretpw').build()

        then:
        !config.toString().contains('s3cretpw')
        config.toString().contains('password=****')
        config.maskedUrl() == 'jdbc:postgresql://db/app?password=****'
    }

    def "a connection failure is a CONNECTION error naming the masked URL, never the password (#method, #kind)"() {
        given:
        def retort = Retort.configure().url(url).user(user).password(password).source(source)
                .lockTimeout(Duration.ofSeconds(1)).load()

        expect: 'the graph needs no database'
        retort.heads()*.id() == ['c3']

        when:
        action(retort)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CONNECTION
        e.message.startsWith('cannot connect to ')
        !e.message.contains(password)
        e.message.contains('****')
        e.message.contains(reason)

        where:
        [kind, url, user, password, reason, method, action] << [[
                // nothing listens on port 1
                ['refused', 'jdbc:postgresql://127.0.0.1:1/retort?password=pw4refused&connectTimeout=2', 'postgres',
                 'pw4refused', '127.0.0.1:1'],
                // H2 takes the password from the URL; IFEXISTS refuses to create the database
                ['missing database', "jdbc:h2:mem:retort_conn_${System.nanoTime()};PASSWORD=pw4h2wrong;IFEXISTS=TRUE".toString(),
                 'sa', 'pw4h2wrong', 'not found'],
        ], [
                ['upgrade', { Retort r -> r.upgrade('head') }],
                ['currentRows', { Retort r -> r.currentRows() }],
                ['lock', { Retort r -> r.lock() }]]
        ].combinations().collect { k, c -> k + c }
    }

    def "#engine: a DataSource instead of a URL: the dialect follows from the connection"() {
        given:
        db = engine.fresh()
        def ds = engine == DatabaseEngine.H2 ? new org.h2.jdbcx.JdbcDataSource() : new org.postgresql.ds.PGSimpleDataSource()
        ds.setURL(db.jdbcUrl())
        ds.setUser(db.user())
        if (db.password() != null) {
            ds.setPassword(db.password())
        }
        def retort = Retort.configure().dataSource(ds).source(source).lockTimeout(Duration.ofSeconds(20)).load()

        when:
        retort.upgrade('head')

        then:
        retort.currentRows() == ['c3']
        revisionTables(db) == ['a1', 'b2', 'c3'] as Set

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: stampSql prints only bookkeeping, from base or from a start revision, and the script runs"() {
        given:
        db = engine.fresh()
        def retort = retort(db)

        when:
        def fromBase = retort.stampSql('b2')
        def moved = retort.stampSql('b2:c3')

        then:
        tables(db).isEmpty()
        source.loaded.isEmpty()
        fromBase.toLowerCase().contains('create table "retort_version"')
        fromBase.contains("VALUES ('b2')")
        !fromBase.toLowerCase().contains('"t_')
        !moved.toLowerCase().contains('create table')
        moved.contains("= 'c3' WHERE ")

        when:
        runScript(db, fromBase)
        def first = retort.currentRows()
        runScript(db, moved)

        then:
        first == ['b2']
        retort.currentRows() == ['c3']
        revisionTables(db).isEmpty()
        history(db) == [['b2', 'stamp'], ['c3', 'stamp']]

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: version and history tables of other names, mixed case included"() {
        given:
        db = engine.fresh()
        def retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).source(source)
                .versionTable('AppVersions').historyTable('app_log').load()

        when:
        retort.upgrade('b2')
        retort.downgrade('a1')

        then:
        retort.currentRows() == ['a1']
        tables(db) == (['appversions', 'app_log', 't_a1'] + (engine == DatabaseEngine.H2 ? ['appversions_lock'] : [])) as Set
        LiveSchema.query(db, LiveSchema.dialect(db).selectAll('AppVersions', ['version_num'])) == [['a1']]
        LiveSchema.query(db, LiveSchema.dialect(db).selectAll('app_log', ['revision'])).size() == 3

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: the history table is indexed by revision and outcome, for completing a step's running row"() {
        given:
        db = engine.fresh()

        when:
        retort(db).upgrade('a1')

        then:
        def index = db.connect().withCloseable { new dev.retort.testsupport.Catalog(it).table('retort_history').get()
                .index('ix_retort_history_revision_outcome') }
        index.isPresent()
        index.get().columns()*.toLowerCase() == ['revision', 'outcome']

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a step whose version row vanished under it is rolled back with its bookkeeping"() {
        given: "b2 deletes the version rows in its own transaction, so recording 'a1 -> b2' matches nothing"
        db = engine.fresh()
        def deleting = TableSource.of(LINE).change('b2') { Migration m ->
            new Migration(m.revision(), [RawSql.of('DELETE FROM ' + LiveSchema.dialect(db).quote('retort_version'),
                    new SourceLocation('java:b2', 3))], m.downgrade(), true)
        }
        def retort = retort(db, deleting)

        when:
        retort.upgrade('head')

        then: 'the version change and history entry are in the step\'s transaction; the mismatch undoes both, and the delete'
        RetortException e = thrown()
        e.message.contains("expected to match one row when updating 'a1' to 'b2' in 'retort_version'; 0 found")
        retort.currentRows() == ['a1']

        and: 'no history says b2 was done: none on PostgreSQL; on H2 only its marker, which says it did not complete'
        engine == DatabaseEngine.H2 || !history(db).contains(['b2', 'upgrade'])
        engine == DatabaseEngine.POSTGRESQL || retort.check().any { it.startsWith('revision b2 (versions/b2.groovy) did not complete') }

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a failed migration keeps the ones before it, releases the lock, and names its revision"() {
        given:
        db = engine.fresh()
        def failing = TableSource.of(LINE).change('b2') { Migration m ->
            new Migration(m.revision(), m.upgrade() + [RawSql.of('SELECT * FROM no_such_table', new SourceLocation('java:b2', 7))],
                    m.downgrade(), true)
        }
        def retort = retort(db, failing)

        when:
        retort.upgrade('head')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.MIGRATION_FAILED
        e.message.startsWith('upgrade a1 -> b2 failed at java:b2:7')
        retort.currentRows() == ['a1']
        revisionTables(db) == expectedTables as Set

        and: 'the lock was released: the next call gets it at once'
        retort.lock().holder().isEmpty()

        and: 'where the failure could not roll back (H2), migrating waits until someone settles it'
        engine == DatabaseEngine.POSTGRESQL || retort.check().any { it.startsWith('revision b2 (versions/b2.groovy) did not complete') }
        engine == DatabaseEngine.POSTGRESQL || retort.resolve('b2', false) == ['a1']
        retort.downgrade('base').steps()*.revision()*.id() == ['a1']

        where:
        engine                    | expectedTables
        DatabaseEngine.H2         | ['a1', 'b2']   // H2 DDL commits at once: b2's table stays
        DatabaseEngine.POSTGRESQL | ['a1']         // rolled back with its transaction
    }

    def "#engine: a revision without a downgrade stops a downgrade before anything runs"() {
        given:
        db = engine.fresh()
        def upgradeOnly = TableSource.of(LINE).change('a1') { Migration m -> new Migration(m.revision(), m.upgrade(), null, true) }
        def retort = retort(db, upgradeOnly)
        retort.upgrade('head')

        when: 'c3 and b2 could be reverted, but a1 cannot: nothing is reverted'
        retort.downgrade('base')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message.contains('revision a1 declares upgrade { } but no downgrade { }')
        retort.currentRows() == ['c3']
        revisionTables(db) == ['a1', 'b2', 'c3'] as Set

        where:
        engine << DatabaseEngine.values()
    }

    def "history reads the database only for a range that names current"() {
        given:
        db = DatabaseEngine.H2.fresh()
        def retort = retort(db)
        retort.upgrade('b2')

        expect:
        retort.history()*.id() == ['c3', 'b2', 'a1']
        retort.history('current:')*.id() == ['c3', 'b2']
        retort.history(':current')*.id() == ['b2', 'a1']
        retort.history('a1:b2')*.id() == ['b2', 'a1']
    }
}
