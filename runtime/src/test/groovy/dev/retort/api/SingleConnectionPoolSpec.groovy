package dev.retort.api

import com.zaxxer.hikari.HikariConfig
import com.zaxxer.hikari.HikariDataSource
import dev.retort.operation.RawSql
import dev.retort.operation.SourceLocation
import dev.retort.revision.Migration
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration

import static dev.retort.api.LiveSchema.revisionTables

/**
 * An application that migrates on start-up through its own pool, capped at one connection (Hikari
 * {@code maximumPoolSize=1}). Taking the migration lock must not need a second connection: with one, the pool would
 * make the migrator wait for itself until the pool's timeout. The pool's timeout is kept short, so a second request
 * fails the spec in two seconds instead of hanging it.
 */
class SingleConnectionPoolSpec extends Specification {

    @AutoCleanup
    TestDatabase db

    @AutoCleanup
    HikariDataSource pool

    static HikariDataSource poolOfOne(TestDatabase db) {
        HikariConfig config = new HikariConfig()
        config.jdbcUrl = db.jdbcUrl()
        config.username = db.user()
        config.password = db.password()
        config.maximumPoolSize = 1
        config.minimumIdle = 0
        config.connectionTimeout = 2_000
        config.poolName = 'one'
        new HikariDataSource(config)
    }

    Retort retort(TableSource source) {
        Retort.configure().dataSource(pool).source(source).lockTimeout(Duration.ofSeconds(10)).load()
    }

    /** Every connection is back in the pool, and nobody holds the lock (asked through that same connection). */
    void settled(Retort retort) {
        assert pool.hikariPoolMXBean.activeConnections == 0
        assert retort.lock().holder().isEmpty()
    }

    def "#engine: upgrade, downgrade and stamp through a pool of one connection"() {
        given:
        db = engine.fresh()
        pool = poolOfOne(db)
        def retort = retort(TableSource.of('a1', 'b2 <- a1', 'c3 <- b2'))

        when:
        def up = retort.upgrade('head')

        then:
        up.steps()*.revision()*.id() == ['a1', 'b2', 'c3']
        revisionTables(db) == ['a1', 'b2', 'c3'] as Set
        settled(retort)

        when:
        def down = retort.downgrade('a1')

        then:
        down.endHeads() == ['a1']
        revisionTables(db) == ['a1'] as Set
        settled(retort)

        when:
        def stamped = retort.stamp(['c3'], false)

        then:
        stamped.endHeads() == ['c3']
        retort.currentRows() == ['c3']
        settled(retort)

        when:
        retort.stamp(['a1'], false)
        def toBase = retort.downgrade('base')

        then:
        toBase.endHeads() == []
        revisionTables(db).isEmpty()
        retort.currentRows() == []
        settled(retort)

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a migration that fails through a pool of one releases the lock on its connection"() {
        given: 'b2 fails after creating its table'
        db = engine.fresh()
        pool = poolOfOne(db)
        def failing = TableSource.of('a1', 'b2 <- a1').change('b2') { Migration m ->
            new Migration(m.revision(), m.upgrade() + [RawSql.of('SELECT * FROM no_such_table', new SourceLocation('java:b2', 7))],
                    m.downgrade(), true)
        }
        def migrator = retort(failing)

        when:
        migrator.upgrade('head')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.MIGRATION_FAILED
        migrator.currentRows() == ['a1']

        and: 'the connection went back to the pool without the lock: the next command takes it at once'
        settled(migrator)
        migrator.stamp(['base'], false).endHeads() == []
        settled(migrator)

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: the connection opened while the scripts are read goes back to the pool when they cannot be read"() {
        given: 'a graph error, found while the connection is already being opened'
        db = engine.fresh()
        pool = poolOfOne(db)
        def broken = retort(TableSource.of('a1', 'b2 <- nowhere'))

        when:
        broken.upgrade('head')

        then: 'the script error is what is reported'
        RetortException e = thrown()
        e.code() == ErrorCode.GRAPH

        and: 'the pool of one gives its connection to the next command within its two-second timeout'
        retort(TableSource.of('a1')).currentRows() == []

        and: 'and gets it back: closed as soon as it opens, which on a busy machine may be after that command ran'
        new PollingConditions(timeout: 2).eventually {
            assert pool.hikariPoolMXBean.activeConnections == 0
        }

        where:
        engine << DatabaseEngine.values()
    }
}
