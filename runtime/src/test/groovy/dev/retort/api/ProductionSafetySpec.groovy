package dev.retort.api

import dev.retort.execution.ExecutionListener
import dev.retort.execution.MigrationFailedException
import dev.retort.operation.*
import dev.retort.plan.MigrationStep
import dev.retort.revision.Migration
import dev.retort.revision.MigrationSource
import dev.retort.revision.Revision
import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.Timeout

import java.time.Duration

/** Issue 4's failure semantics on real databases, with revisions supplied as plain Java objects. */
class ProductionSafetySpec extends Specification {

    @AutoCleanup
    TestDatabase db

    /** A mutable source: tests edit a revision's body or checksum between runs, as a user edits a file. */
    static class Source implements MigrationSource {
        final Map<String, Migration> bodies = [:]
        final List<Revision> revisions = []

        Revision add(String id, String parent, List<Operation> up, boolean transactional = true, String checksum = "s1:$id") {
            def r = new Revision(id, parent ? [parent] : [], [], [], "create $id", new SourceLocation("m/${id}.groovy", 1), checksum)
            revisions.removeIf { it.id() == id }
            revisions << r
            bodies[id] = new Migration(r, up, [], transactional)
            r
        }

        List<Revision> revisions() { revisions }

        Migration load(Revision revision) { bodies[revision.id()] }
    }

    Source source = new Source()

    static SourceLocation at(String id, int line) { new SourceLocation("m/${id}.groovy", line) }

    static CreateTable table(String name) {
        new CreateTable(name, [ColumnDefinition.of('id', ColumnType.of(ColumnType.Kind.INTEGER))], [], at(name, 3))
    }

    Retort retort(Map options = [:]) {
        def config = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).source(source)
        if (options.lockTimeout || options.statementTimeout) {
            config.timeouts(options.lockTimeout as Duration, options.statementTimeout as Duration)
        }
        if (options.allowChanged) {
            config.allowChangedScripts(true)
        }
        config.load()
    }

    List<List<String>> history() {
        def rows = []
        db.connect().withCloseable { c ->
            def rs = c.createStatement().executeQuery('SELECT revision, direction, outcome FROM retort_history ORDER BY id')
            while (rs.next()) {
                rows << [rs.getString(1), rs.getString(2), rs.getString(3)]
            }
        }
        rows
    }

    def "a migration declared non-transactional runs outside a transaction: CREATE INDEX CONCURRENTLY on PostgreSQL"() {
        given:
        db = DatabaseEngine.POSTGRESQL.fresh()
        source.add('a1', null, [table('t')])
        source.add('a2', 'a1', [RawSql.of('CREATE INDEX CONCURRENTLY ix_t_id ON t (id)', at('a2', 4))], false)

        when:
        def result = retort().upgrade('head')

        then:
        result.endHeads() == ['a2']
        db.connect().withCloseable { new Catalog(it).table('t').get().index('ix_t_id').isPresent() }
        history() == [['a1', 'upgrade', 'done'], ['a2', 'upgrade', 'done']]
    }

    def "the same statement inside a transaction is refused by PostgreSQL, so the flag is what makes it work"() {
        given:
        db = DatabaseEngine.POSTGRESQL.fresh()
        source.add('a1', null, [table('t')])
        source.add('a2', 'a1', [RawSql.of('CREATE INDEX CONCURRENTLY ix_t_id ON t (id)', at('a2', 4))], true)

        when:
        retort().upgrade('head')

        then:
        MigrationFailedException e = thrown()
        e.message.contains('cannot run inside a transaction block')
        e.message.contains('m/a2.groovy:4')
        e.rolledBack()
        retort().currentRows() == ['a1']
    }

    def "a migration that cannot roll back and fails part-way is remembered until resolved (#engine)"() {
        given:
        db = engine.fresh()
        source.add('a1', null, [table('t_a')])
        source.add('b2', 'a1', [table('t_b'), RawSql.of('INSERT INTO no_such_table VALUES (1)', at('b2', 7))], transactional)

        when: 'it fails after its first statement ran'
        retort().upgrade('head')

        then:
        MigrationFailedException failure = thrown()
        !failure.rolledBack()
        failure.message.contains('1 statement had already run and stay applied (createTable t_b at m/t_b.groovy:3)')
        failure.message.contains("retort resolve b2 --applied")
        retort().currentRows() == ['a1']
        history().last() == ['b2', 'upgrade', 'failed']

        when: 'the next run refuses, and check says why'
        source.add('b2', 'a1', [table('t_b')], transactional)
        retort().upgrade('head')

        then:
        RetortException refused = thrown()
        refused.code() == ErrorCode.MIGRATION_FAILED
        refused.message.startsWith('refusing to migrate: revision b2 (m/b2.groovy) did not complete its upgrade')
        retort().check().any { it.startsWith('revision b2 (m/b2.groovy) did not complete its upgrade') }

        when: 'someone undoes the partial change, settles it, and upgrades again'
        db.connect().withCloseable { it.createStatement().execute(DatabaseEngine.H2 == engine ? 'DROP TABLE T_B' : 'DROP TABLE t_b') }
        retort().resolve('b2', false)
        def result = retort().upgrade('head')

        then:
        result.endHeads() == ['b2']
        history()*.get(2) == ['done', 'resolved', 'done']
        retort().check() == []

        where:
        engine                  | transactional
        DatabaseEngine.H2       | true
        DatabaseEngine.POSTGRESQL | false
    }

    def "resolve --applied moves the version table on as if the migration had finished"() {
        given:
        db = DatabaseEngine.H2.fresh()
        source.add('a1', null, [table('t_a')])
        source.add('b2', 'a1', [table('t_b'), RawSql.of('INSERT INTO no_such_table VALUES (1)', at('b2', 7))])
        try { retort().upgrade('head') } catch (MigrationFailedException ignored) { }

        when:
        def rows = retort().resolve('b2', true)

        then:
        rows == ['b2']
        retort().currentRows() == ['b2']
        retort().check() == []
    }

    def "a migration must not run when no migration is unfinished: resolve says so"() {
        given:
        db = DatabaseEngine.H2.fresh()
        source.add('a1', null, [table('t_a')])
        retort().upgrade('head')

        when:
        retort().resolve('a1', true)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.TARGET
        e.message == 'revision a1 has no unfinished migration to resolve'
    }

    @Timeout(60)
    def "a statement waiting behind another session's lock fails fast with the configured lock timeout (PostgreSQL)"() {
        given:
        db = DatabaseEngine.POSTGRESQL.fresh()
        source.add('a1', null, [table('t')])
        retort().upgrade('head')
        source.add('b2', 'a1', [new AddColumn('t', ColumnDefinition.of('x', ColumnType.of(ColumnType.Kind.INTEGER)), at('b2', 5))])
        def holder = db.connect()
        holder.autoCommit = false
        holder.createStatement().execute('LOCK TABLE t IN ACCESS EXCLUSIVE MODE')

        when:
        retort(lockTimeout: Duration.ofMillis(300)).upgrade('head')

        then:
        MigrationFailedException e = thrown()
        e.message.contains('lock timeout')
        e.message.contains('m/b2.groovy:5 (addColumn t.x)')
        e.rolledBack()

        cleanup:
        holder?.rollback()
        holder?.close()
    }

    @Timeout(60)
    def "a statement running longer than the statement timeout is cancelled (PostgreSQL)"() {
        given:
        db = DatabaseEngine.POSTGRESQL.fresh()
        source.add('a1', null, [RawSql.of('SELECT pg_sleep(20)', at('a1', 2))])

        when:
        retort(statementTimeout: Duration.ofMillis(300)).upgrade('head')

        then:
        MigrationFailedException e = thrown()
        e.message.contains('statement timeout')
        retort().currentRows() == []
    }

    def "an applied script that changed is named; upgrade refuses; accept-changes settles it (#engine)"() {
        given:
        db = engine.fresh()
        source.add('a1', null, [table('t_a')])
        source.add('b2', 'a1', [table('t_b')])
        retort().upgrade('b2')
        source.add('c3', 'b2', [table('t_c')])

        when: 'the applied b2 is edited'
        source.add('b2', 'a1', [table('t_b')], true, 's1:edited')

        then:
        retort().check() == ['applied script changed since it ran: m/b2.groovy (revision b2)', 'pending: c3 (m/c3.groovy)']

        when:
        retort().upgrade('head')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CHECK_FAILED
        e.message == "refusing to upgrade: 1 applied script has changed since it ran: m/b2.groovy (revision b2). " +
                "Review the change; then accept it with 'retort accept-changes', or upgrade with --allow-changed"
        retort().currentRows() == ['b2']

        expect: 'allowed explicitly, it runs'
        retort(allowChanged: true).upgrade('head').endHeads() == ['c3']

        when: 'or the edit is accepted'
        def accepted = retort().acceptChanges([])

        then:
        accepted == ['b2']
        retort().check() == []

        where:
        engine << DatabaseEngine.values()
    }

    def "a checksum from another algorithm version is not compared, so a Retort upgrade never flags every file"() {
        given:
        db = DatabaseEngine.H2.fresh()
        source.add('a1', null, [table('t_a')], true, 's0:old-algorithm')
        retort().upgrade('head')

        when:
        source.add('a1', null, [table('t_a')], true, 's1:new-algorithm')

        then:
        retort().check() == []
    }

    def "dry run reads the database and changes nothing (#engine)"() {
        given:
        db = engine.fresh()
        source.add('a1', null, [table('t_a')])
        source.add('b2', 'a1', [table('t_b')])
        retort().upgrade('a1')

        and: 'a listener that writes down what it hears'
        List<String> heard = []
        def listener = new ExecutionListener() {
            void stepStarting(MigrationStep step) { heard << "starting ${step.describe()}".toString() }

            void stepCompleted(MigrationStep step, Duration took) { heard << "completed ${step.describe()}".toString() }

            void stepWouldRun(MigrationStep step) { heard << "would run ${step.describe()}".toString() }
        }
        def listened = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).source(source)
                .listener(listener).load()

        when:
        def script = listened.dryRunUpgrade('head')

        then:
        script.startsWith('-- Dry run: the database is at a1; 1 step(s) would run. Nothing was changed.')
        script.contains('-- Running upgrade a1 -> b2')
        retort().currentRows() == ['a1']
        !db.connect().withCloseable { new Catalog(it).hasTable('t_b') }

        and: 'the listener is told what would run, never that a step started'
        heard == ['would run upgrade a1 -> b2']

        when: 'a downgrade dry run, then a real upgrade'
        listened.dryRunDowngrade('base')
        listened.upgrade('head')

        then:
        heard == ['would run upgrade a1 -> b2', 'would run downgrade a1 -> <base>',
                  'starting upgrade a1 -> b2', 'completed upgrade a1 -> b2']

        where:
        engine << DatabaseEngine.values()
    }
}
