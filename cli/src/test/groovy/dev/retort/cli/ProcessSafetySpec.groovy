package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Separate migrator processes: killed with SIGKILL mid-upgrade, and racing each other. The database must always be at
 * a consistent revision, and re-running 'upgrade head' must finish the job with every revision applied once.
 */
class ProcessSafetySpec extends Specification {

    static final int REVISIONS = 20

    @TempDir
    Path dir

    @AutoCleanup
    TestDatabase pg

    /** 20 revisions, each creating table t_N; with a pause so a kill lands inside a migration. */
    void writeHistory(String pause) {
        def migrations = Files.createDirectories(dir.resolve('migrations'))
        (1..REVISIONS).each { i ->
            def id = String.format('r%03d', i)
            def parent = i == 1 ? '' : "downRevision '${String.format('r%03d', i - 1)}'"
            Files.writeString(migrations.resolve("${id}.groovy"), """\
                revision '$id'
                $parent
                message 'table $i'
                upgrade {
                    createTable('t_$i') { column('id', INTEGER) { primaryKey() } }
                    ${pause ? "sql $pause" : ''}
                    insert('t_$i', [[id: $i]])
                }
                downgrade { dropTable('t_$i') }
                """.stripIndent())
        }
    }

    Map<String, String> env(String url, String user = null) {
        def env = [RETORT_URL: url, RETORT_MIGRATIONS: dir.resolve('migrations').toString(), RETORT_LOCK_TIMEOUT: '60s']
        env.RETORT_USER = user ?: 'sa'
        env
    }

    /** One process at a time: a plain file database. */
    String h2FileUrl() {
        "jdbc:h2:file:${dir.resolve('db').resolve('killed')}"
    }

    /**
     * Several processes at once need a real H2 server: in AUTO_SERVER mode the process hosting the database takes
     * everyone's connections down when it exits.
     */
    String h2ServerUrl() {
        h2Server = org.h2.tools.Server.createTcpServer('-tcpPort', '0', '-ifNotExists', '-baseDir', dir.resolve('db').toString()).start()
        "jdbc:h2:tcp://127.0.0.1:${h2Server.port}/race"
    }

    org.h2.tools.Server h2Server

    def cleanup() {
        h2Server?.stop()
    }

    List<String> query(String url, String user, String sql) {
        def rows = []
        java.sql.DriverManager.getConnection(url, user ?: 'sa', '').withCloseable { c ->
            def rs = c.createStatement().executeQuery(sql)
            while (rs.next()) {
                rows << rs.getString(1)
            }
        }
        rows
    }

    boolean tableExists(String url, String user, int i) {
        java.sql.DriverManager.getConnection(url, user ?: 'sa', '').withCloseable { c ->
            def rs = c.metaData.getTables(null, c.schema, null, ['TABLE'] as String[])
            def names = []
            while (rs.next()) {
                names << rs.getString('TABLE_NAME').toLowerCase()
            }
            names.contains("t_$i".toString())
        }
    }

    def "killed with SIGKILL mid-upgrade on PostgreSQL, the database stays at a consistent revision and a re-run finishes (kill after #progress steps)"() {
        given:
        pg = DatabaseEngine.POSTGRESQL.fresh()
        writeHistory("'SELECT pg_sleep(0.05)'")
        def env = env(pg.jdbcUrl(), pg.user())

        when: 'the migrator dies mid-flight'
        RetortProcess.start(dir, env, ['upgrade', 'head']).killAfterProgressLines(progress, extraMillis)
        def rows = query(pg.jdbcUrl(), pg.user(), 'SELECT version_num FROM retort_version')

        then: 'the version table names the last completed revision, and exactly its migrations left a trace'
        rows.size() <= 1
        int at = rows ? Integer.parseInt(rows[0].substring(1)) : 0
        at >= progress - 1
        (1..REVISIONS).every { i -> tableExists(pg.jdbcUrl(), pg.user(), i) == (i <= at) }
        query(pg.jdbcUrl(), pg.user(), "SELECT revision FROM retort_history WHERE direction = 'upgrade' ORDER BY id").size() == at

        when: 'it runs again'
        def rerun = RetortProcess.start(dir, env, ['upgrade', 'head'])
        int code = rerun.waitFor()

        then: 'it finishes the job: every revision applied exactly once'
        code == 0
        query(pg.jdbcUrl(), pg.user(), 'SELECT version_num FROM retort_version') == ['r020']
        query(pg.jdbcUrl(), pg.user(), "SELECT revision FROM retort_history WHERE direction = 'upgrade' ORDER BY id") ==
                (1..REVISIONS).collect { String.format('r%03d', it) }
        (1..REVISIONS).every { tableExists(pg.jdbcUrl(), pg.user(), it) }

        where:
        progress | extraMillis
        1        | 0
        4        | 20
        9        | 35
        15       | 5
    }

    def "killed with SIGKILL on H2, where DDL commits at once: the interruption is visible, stale lock and all, and can be settled"() {
        given:
        writeHistory(null)
        def url = h2FileUrl()
        def env = env(url)

        when:
        RetortProcess.start(dir, env, ['upgrade', 'head']).killAfterProgressLines(6, 2)
        def status = RetortProcess.start(dir, env, ['lock', 'status'])
        status.waitFor()
        def release = RetortProcess.start(dir, env, ['lock', 'release'])
        release.waitFor()
        def rerun = RetortProcess.start(dir, env, ['upgrade', 'head'])
        int code = rerun.waitFor()
        def unfinished = query(url, null, "SELECT revision FROM retort_history WHERE outcome IN ('running', 'failed')")

        then: 'a killed lock-table holder leaves a lock that is shown and released deliberately'
        status.out.toString().startsWith('locked by ') || status.out.toString().startsWith('not locked')
        release.out.toString() =~ /^(released the lock|nothing to release)/

        and: 'either the kill fell between migrations and the re-run completed, or the re-run refuses and names the revision'
        if (unfinished) {
            assert code == 8
            assert rerun.err.toString().contains("did not complete its upgrade")
            assert rerun.err.toString().contains("retort resolve ${unfinished[0]}")
            int n = Integer.parseInt(unfinished[0].substring(1))
            def settle = RetortProcess.start(dir, env, ['resolve', unfinished[0],
                    tableExists(url, null, n) && query(url, null, "SELECT COUNT(*) FROM t_$n") == ['1'] ? '--applied' : '--undone'])
            if (settle.waitFor() != 0) {
                throw new AssertionError(settle.err.toString())
            }
            if (tableExists(url, null, n) && query(url, null, "SELECT version_num FROM retort_version") != ["r${String.format('%03d', n)}"]) {
                java.sql.DriverManager.getConnection(url, 'sa', '').withCloseable { it.createStatement().execute("DROP TABLE t_$n") }
            }
            assert RetortProcess.start(dir, env, ['upgrade', 'head']).waitFor() == 0
        } else {
            assert code == 0
        }
        query(url, null, 'SELECT version_num FROM retort_version') == ['r020']
        query(url, null, "SELECT COUNT(*) FROM retort_history WHERE direction = 'upgrade' AND outcome = 'done'") == ['20']
    }

    def "8 migrator processes racing 'upgrade head' on #engine: one migrates, the others wait and find nothing to do (round #round)"() {
        given:
        writeHistory(null)
        if (engine == 'postgresql') {
            pg = DatabaseEngine.POSTGRESQL.fresh()
        }
        def url = engine == 'postgresql' ? pg.jdbcUrl() : h2ServerUrl()
        def user = engine == 'postgresql' ? pg.user() : null
        def env = env(url, user)

        when:
        def racers = (1..8).collect { RetortProcess.start(dir, env, ['upgrade', 'head']) }
        def codes = racers*.waitFor()

        then:
        codes == [0] * 8 || racers.collect { it.err.toString() }.join('\n---\n') == 'all exit 0'
        codes == [0] * 8
        racers.count { it.out.toString().startsWith('Upgraded to r020 (20 revisions') } == 1
        racers.count { it.out.toString().startsWith('Nothing to upgrade; the database is at r020.') } == 7
        query(url, user, 'SELECT version_num FROM retort_version') == ['r020']
        query(url, user, "SELECT revision FROM retort_history WHERE direction = 'upgrade' ORDER BY id") ==
                (1..REVISIONS).collect { String.format('r%03d', it) }

        where:
        [engine, round] << [['postgresql', 'h2'], [1, 2]].combinations()
    }
}
