package dev.retort.execution

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.dialect.Dialect
import dev.retort.dialect.Dialects
import dev.retort.operation.*
import dev.retort.plan.Direction
import dev.retort.plan.MigrationPlan
import dev.retort.plan.MigrationStep
import dev.retort.plan.VersionChange
import dev.retort.revision.Migration
import dev.retort.revision.MigrationSource
import dev.retort.revision.Revision
import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import dev.retort.versiontable.HistoryTable
import dev.retort.versiontable.VersionTable
import dev.retort.versiontable.VersionTableReader
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.Connection

/** The executor on real databases, with hand-built plans and a source that is plain Java objects (no Groovy DSL). */
class PlanExecutorSpec extends Specification {

    @AutoCleanup
    TestDatabase db
    Connection connection
    Dialect dialect

    static SourceLocation at(String file, int line) { new SourceLocation(file, line) }

    static ColumnDefinition col(String name, ColumnType type) { ColumnDefinition.of(name, type) }

    static CreateTable table(String name, int line) {
        new CreateTable(name, [col('id', ColumnType.of(ColumnType.Kind.INTEGER))], [], at("m/${name}.groovy", line))
    }

    /** Revisions a1 -> b2 -> c3, each creating one table; c3's second statement can be made to fail. */
    static class Source implements MigrationSource {
        Map<String, Migration> bodies = [:]
        List<Revision> revisions = []

        void add(Revision r, List<Operation> up, List<Operation> down, boolean transactional = true) {
            revisions << r
            bodies[r.id()] = new Migration(r, up, down, transactional)
        }

        List<Revision> revisions() { revisions }

        Migration load(Revision revision) { bodies[revision.id()] }
    }

    Revision a1 = new Revision('a1', [], [], [], 'create t_a', at('m/a1.groovy', 1), 's1:aaa')
    Revision b2 = new Revision('b2', ['a1'], [], [], 'create t_b', at('m/b2.groovy', 1), 's1:bbb')
    Revision c3 = new Revision('c3', ['b2'], [], [], 'create t_c', at('m/c3.groovy', 1), 's1:ccc')
    Source source = new Source()

    def setup() {
        source.add(a1, [table('t_a', 5)], [new DropTable('t_a', null, at('m/a1.groovy', 9))])
        source.add(b2, [table('t_b', 5)], [new DropTable('t_b', null, at('m/b2.groovy', 9))])
    }

    void open(DatabaseEngine engine) {
        db = engine.fresh()
        connection = db.connect()
        dialect = Dialects.standard().forUrl(db.jdbcUrl())
    }

    def cleanup() {
        connection?.close()
    }

    PlanExecutor executor() {
        new PlanExecutor(dialect, source, new VersionTable(null), new HistoryTable(null), ExecutionListener.NONE)
    }

    static MigrationStep up(Revision r, List<String> from, VersionChange change) {
        new MigrationStep(r, Direction.UPGRADE, from, [r.id()], [change])
    }

    /** Upgrades from base through these revisions, each on the one before. */
    static MigrationPlan linear(Revision... revisions) {
        def steps = []
        revisions.eachWithIndex { Revision r, int i ->
            steps << (i == 0 ? up(r, [], new VersionChange.Insert(r.id()))
                    : up(r, [revisions[i - 1].id()], new VersionChange.Update(revisions[i - 1].id(), r.id())))
        }
        new MigrationPlan(steps, [], [revisions[-1].id()])
    }

    List<String> versionRows() {
        new VersionTableReader(dialect, new VersionTable(null)).rows(connection)
    }

    List<List<Object>> history() {
        def rows = []
        def s = connection.createStatement()
        def rs = s.executeQuery(dialect.selectAll('retort_history', ['revision', 'direction', 'checksum', 'applied_by']))
        while (rs.next()) {
            rows << [rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)]
        }
        s.close()
        rows
    }

    List<Object> durations() {
        def values = []
        def s = connection.createStatement()
        def rs = s.executeQuery(dialect.selectAll('retort_history', ['duration_ms']))
        while (rs.next()) {
            values << rs.getObject(1)
        }
        s.close()
        values
    }

    def "applies steps, moves the version row and logs each step on #engine"() {
        given:
        open(engine)
        def plan = linear(a1, b2)

        when:
        def report = executor().execute(plan, new JdbcStatementSink(connection), true)

        then:
        report.applied()*.step()*.revision()*.id() == ['a1', 'b2']
        report.endHeads() == ['b2']
        versionRows() == ['b2']
        history().collect { it[0..2] } == [['a1', 'upgrade', 's1:aaa'], ['b2', 'upgrade', 's1:bbb']]
        history().every { it[3] != null }
        new Catalog(connection).hasTable('t_a')
        new Catalog(connection).hasTable('t_b')

        where:
        engine << DatabaseEngine.values()
    }

    def "a failing statement on PostgreSQL rolls its migration back and names file, line, operation and statement"() {
        given:
        open(DatabaseEngine.POSTGRESQL)
        source.add(c3, [table('t_c', 5), RawSql.of('INSERT INTO no_such_table VALUES (1)', at('m/c3.groovy', 7))], [])
        def plan = linear(a1, b2, c3)

        when:
        executor().execute(plan, new JdbcStatementSink(connection), true)

        then:
        MigrationFailedException e = thrown()
        e.code() == ErrorCode.MIGRATION_FAILED
        e.message.startsWith('upgrade b2 -> c3 failed at m/c3.groovy:7 (sql INSERT INTO no_such_table VALUES (1)): ')
        e.message.contains('no_such_table')
        e.message.contains('[SQL: INSERT INTO no_such_table VALUES (1)]')
        e.message.endsWith('The migration was rolled back; the database is at b2')
        e.rolledBack()
        e.headsNow() == ['b2']

        and: 'the earlier migrations stay, the failed one left nothing behind'
        connection.autoCommit || connection.rollback() || true
        versionRows() == ['b2']
        !new Catalog(connection).hasTable('t_c')
        history()*.get(0) == ['a1', 'b2']
    }

    /** The JDBC sink, counting what it is asked to do; the statements still run on the real database. */
    static class CountingSink implements StatementSink {
        @Delegate(excludes = ['executeBatch', 'execute', 'commit'])
        final JdbcStatementSink sink
        int batches
        int statements
        int commits

        CountingSink(Connection connection) { sink = new JdbcStatementSink(connection) }

        int[] executeBatch(List<dev.retort.dialect.SqlStatement> batch) { batches++; sink.executeBatch(batch) }

        int execute(dev.retort.dialect.Statement statement) { statements++; sink.execute(statement) }

        void commit() { commits++; sink.commit() }
    }

    def "on PostgreSQL each step goes with its bookkeeping as one batch, the database timing it"() {
        given:
        open(DatabaseEngine.POSTGRESQL)
        source.add(c3, [table('t_c', 5), RawSql.of('INSERT INTO t_c VALUES (1)', at('m/c3.groovy', 7))], [])
        def plan = linear(a1, b2, c3)
        def sink = new CountingSink(connection)

        when:
        executor().execute(plan, sink, true)

        then: 'three batches; one statement by statement only to create the bookkeeping tables'
        sink.batches == 3
        sink.statements == 3
        versionRows() == ['c3']
        history()*.get(0) == ['a1', 'b2', 'c3']
        new Catalog(connection).hasTable('t_c')

        and: 'every step has a duration, measured by the database'
        durations().size() == 3
        durations().every { it != null && it >= 0 }
    }

    def "on PostgreSQL a step that a batch cannot carry (a statement returning rows) runs statement by statement"() {
        given:
        open(DatabaseEngine.POSTGRESQL)
        source.add(c3, [table('t_c', 5), RawSql.of('SELECT 1', at('m/c3.groovy', 7))], [])
        def plan = linear(a1, c3)
        def sink = new CountingSink(connection)

        when:
        executor().execute(plan, sink, true)

        then: 'its batch failed and was rolled back; run again one statement at a time, it applied once'
        sink.batches == 2
        versionRows() == ['c3']
        history()*.get(0) == ['a1', 'c3']
        new Catalog(connection).hasTable('t_c')
    }

    def "on PostgreSQL raw SQL holding several statements applies once, in a batch or not"() {
        given:
        open(DatabaseEngine.POSTGRESQL)
        source.add(c3, [table('t_c', 5), RawSql.of('INSERT INTO t_c VALUES (1); INSERT INTO t_c VALUES (2)',
                at('m/c3.groovy', 7))], [])
        def plan = linear(a1, c3)

        when:
        executor().execute(plan, new JdbcStatementSink(connection), true)

        then:
        versionRows() == ['c3']
        history()*.get(0) == ['a1', 'c3']
        rowsIn('t_c') == 2
    }

    int rowsIn(String table) {
        def s = connection.createStatement()
        def rs = s.executeQuery('SELECT COUNT(*) FROM ' + dialect.quote(table))
        rs.next()
        int count = rs.getInt(1)
        s.close()
        count
    }

    def "on H2, whose DDL commits at once, a failed migration says which statements stayed applied"() {
        given:
        open(DatabaseEngine.H2)
        source.add(c3, [table('t_c', 5), RawSql.of('INSERT INTO no_such_table VALUES (1)', at('m/c3.groovy', 7))], [])
        def plan = linear(a1, c3)

        when:
        executor().execute(plan, new JdbcStatementSink(connection), true)

        then:
        MigrationFailedException e = thrown()
        !e.rolledBack()
        e.statementsRun() == 1
        e.operationsRun() == ['createTable t_c at m/t_c.groovy:5']
        e.message.contains('failed at m/c3.groovy:7')
        e.message.endsWith('This migration could not be rolled back: 1 statement had already run and stay applied'
                + ' (createTable t_c at m/t_c.groovy:5); the version table still says a1. Inspect the database,'
                + " then settle it with 'retort resolve c3 --applied' or '--undone'")
        versionRows() == ['a1']
    }

    def "an update that matches no version row stops the step: the table was edited by hand (#engine)"() {
        given:
        open(engine)
        executor().execute(linear(a1),
                new JdbcStatementSink(connection), true)
        connection.autoCommit = true
        connection.createStatement().execute(dialect.renderer().render(new DeleteRows('retort_version', [:], at('test', 1)))[0].sql())

        when:
        executor().execute(new MigrationPlan([up(b2, ['a1'], new VersionChange.Update('a1', 'b2'))], ['a1'], ['b2']),
                new JdbcStatementSink(connection), false)

        then:
        MigrationFailedException e = thrown()
        e.cause instanceof RetortException
        e.message.contains("expected to match one row when updating 'a1' to 'b2' in 'retort_version'; 0 found")

        and: 'the message names the script, not a line of the bookkeeping, and shows the statement'
        e.message.contains(' failed at m/b2.groovy (version table): ')
        e.message.contains('[SQL: UPDATE ')

        where:
        engine << DatabaseEngine.values()
    }

    def "offline output: bookkeeping tables, then BEGIN/COMMIT around each migration on PostgreSQL"() {
        given:
        dialect = Dialects.standard().byName('postgresql')
        def out = new StringBuilder()
        def plan = linear(a1, b2)

        when:
        executor().execute(plan, new ScriptStatementSink(out, dialect), true)
        def text = out.toString()

        then:
        text.startsWith('BEGIN;\n\nCREATE TABLE "retort_version"')
        text.contains('-- Running upgrade <base> -> a1 (m/a1.groovy)\n\nBEGIN;\n\nCREATE TABLE "t_a"')
        text.contains('INSERT INTO "retort_version" ("version_num") VALUES (\'a1\');')
        text.contains('UPDATE "retort_version" SET "version_num" = \'b2\' WHERE "version_num" = \'a1\';')
        text.contains('INSERT INTO "retort_history" ("revision", "direction", "checksum", "message", "duration_ms", "outcome") VALUES (\'b2\', \'upgrade\', \'s1:bbb\', \'create t_b\', NULL, \'done\');')
        text.count('BEGIN;') == 3
        text.count('COMMIT;') == 3
    }

    def "offline output on H2 has no BEGIN/COMMIT, since its DDL is not transactional"() {
        given:
        dialect = Dialects.standard().byName('h2')
        def out = new StringBuilder()

        when:
        executor().execute(linear(a1),
                new ScriptStatementSink(out, dialect), true)

        then:
        !out.toString().contains('BEGIN;')
        out.toString().contains('CREATE TABLE "T_A"')
    }

    def "nothing runs when a later migration cannot be rendered: the database stays untouched"() {
        given:
        open(DatabaseEngine.H2)
        source.add(c3, [new CreateIndex('ix_partial', 't_b', ['id'], false, 'id > 0', at('m/c3.groovy', 4))], [])
        def plan = linear(a1, b2, c3)

        when:
        executor().execute(plan, new JdbcStatementSink(connection), true)

        then:
        def e = thrown(RuntimeException)
        e.message.contains('m/c3.groovy:4')
        !new Catalog(connection).hasTable('t_a')
        !new Catalog(connection).hasTable('retort_version')
    }
}
