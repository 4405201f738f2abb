package dev.retort.api

import dev.retort.dialect.Dialects
import dev.retort.dialect.postgresql.PostgresAdvisoryLock
import dev.retort.execution.ConnectionSource
import dev.retort.lock.LockOwner
import dev.retort.lock.LockTimeoutException
import dev.retort.lock.TableLock
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.Connection
import java.time.Duration

import static dev.retort.api.LiveSchema.tables

/**
 * The migration lock of each database, reached the way the CLI reaches it ({@link Retort#lock()}): a lock table on
 * H2, a session-level advisory lock on PostgreSQL. Waits are kept short: every timeout here is under a second.
 */
class MigrationLockSpec extends Specification {

    static final Duration SHORT = Duration.ofMillis(300)

    @AutoCleanup
    TestDatabase db

    Retort retort(Duration lockTimeout = Duration.ofSeconds(5)) {
        Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .source(TableSource.of('a1', 'b2 <- a1')).lockTimeout(lockTimeout).load()
    }

    def "H2: the lock table lets one migrator in and names the holder to the others"() {
        given:
        db = DatabaseEngine.H2.fresh()
        def first = retort().lock()
        def second = retort().lock()

        expect:
        first instanceof TableLock
        first.holder().isEmpty()

        when:
        def held = first.acquire(Duration.ofSeconds(1))
        def holder = first.holder().get()

        then: 'the row says who holds it; everyone reads the same row'
        holder.owner() ==~ /pid \d+ [0-9a-f]{8}/
        holder.host() != null
        holder.acquiredAt() != null
        second.holder().get().owner() == holder.owner()
        tables(db) == ['retort_version_lock'] as Set

        when: 'a second migrator waits, then gives up naming the holder'
        second.acquire(SHORT)

        then:
        LockTimeoutException e = thrown()
        e.code() == ErrorCode.LOCK
        e.message.contains(holder.owner())
        e.message.contains(holder.host())
        e.message.contains("retort lock release")
        e.message.contains('within 300 ms;')

        when: 'the holder is not re-entrant either: a second acquire by the same migrator also waits'
        first.acquire(SHORT)

        then:
        thrown(LockTimeoutException)

        when: 'an upgrade by another migrator gives up before reading or writing anything'
        retort(SHORT).upgrade('head')

        then:
        RetortException refused = thrown()
        refused.code() == ErrorCode.LOCK
        refused.message.contains(holder.owner())
        tables(db) == ['retort_version_lock'] as Set

        when: 'released, the lock is free for the next migrator'
        held.close()
        def heldBySecond = second.acquire(SHORT)

        then:
        second.holder().get().owner() != holder.owner()

        cleanup:
        heldBySecond?.close()
    }

    def "H2: migrators racing for a lock table nobody has created yet get in one at a time"() {
        given: 'H2 shows a table being created before its primary key exists; a lock row inserted then let several in'
        int rounds = 40
        List<String> problems = []

        when: 'in each round, eight migrators try once at the same moment (the timeout is shorter than a retry)'
        def pool = java.util.concurrent.Executors.newFixedThreadPool(8) // one thread each: they meet at a barrier
        rounds.times { round ->
            TestDatabase fresh = DatabaseEngine.H2.fresh()
            try {
                def start = new java.util.concurrent.CyclicBarrier(8)
                def outcomes = (1..8).collect { n ->
                    java.util.concurrent.CompletableFuture.supplyAsync({
                        fresh.connect().withCloseable { c ->
                            def lock = new TableLock(Dialects.standard().forUrl(fresh.jdbcUrl()), { fresh.connect() } as ConnectionSource,
                                    'retort_version_lock', new LockOwner("m$n", 'host'))
                            start.await(30, java.util.concurrent.TimeUnit.SECONDS)
                            try {
                                lock.acquire(c, Duration.ofMillis(100))
                                'held'
                            } catch (LockTimeoutException ignored) {
                                'waited'
                            } catch (RetortException e) {
                                e.message
                            }
                        }
                    } as java.util.function.Supplier, pool)
                }*.get(60, java.util.concurrent.TimeUnit.SECONDS)
                if (outcomes.count { it == 'held' } != 1 || outcomes.any { it != 'held' && it != 'waited' }) {
                    problems << "round $round: $outcomes"
                }
            } finally {
                fresh.close()
            }
        }

        then: 'exactly one holds it each time, and the others only wait'
        problems.isEmpty()

        cleanup:
        pool?.shutdownNow()
    }

    def "H2: a lock table without its primary key is reported as half-created, not trusted"() {
        given: 'a lock table as a crashed creator could leave it: the table, but no key to keep migrators apart'
        db = DatabaseEngine.H2.fresh()
        db.connect().withCloseable { c ->
            c.createStatement().withCloseable { it.execute('CREATE TABLE retort_version_lock (id INT, owner VARCHAR(200), host VARCHAR(255), acquired_at TIMESTAMP)') }
        }

        when:
        retort(SHORT).upgrade('head')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.LOCK
        e.message == "the lock table 'retort_version_lock' has no primary key 'retort_version_lock_pkc' after waiting" +
                " 300 ms: it was left half-created; drop it (it holds nothing but the lock) and run again"
        tables(db) == ['retort_version_lock'] as Set
    }

    def "H2: a stale row is cleared only deliberately, and a late release by its owner does not free the new holder's lock"() {
        given:
        db = DatabaseEngine.H2.fresh()
        def crashed = retort().lock()
        def operator = retort().lock()
        def stale = crashed.acquire(SHORT)
        def staleOwner = crashed.holder().get().owner()

        expect: 'nothing releases it by itself'
        operator.holder().get().owner() == staleOwner

        when: "'retort lock release'"
        def released = operator.forceRelease()

        then:
        released
        operator.holder().isEmpty()

        when: 'a new migrator takes the lock, then the stale one wakes up and releases "its" lock'
        def held = operator.acquire(SHORT)
        def newOwner = operator.holder().get().owner()
        stale.close()

        then: 'the new holder still holds it'
        newOwner != staleOwner
        operator.holder().get().owner() == newOwner

        when:
        held.close()

        then: 'with nothing held there is nothing to force'
        operator.holder().isEmpty()
        !operator.forceRelease()
    }

    def "#engine: a lock table the migrator cannot write to fails at once, naming the table, instead of passing for a held lock"() {
        given: 'the lock table exists and is free'
        db = engine.fresh()
        def dialect = Dialects.standard().byName(db.engine())
        new TableLock(dialect, { db.connect() } as ConnectionSource, 'retort_version_lock', new LockOwner('setup', 'here'))
                .acquire(SHORT).close()

        and: "a migrator whose connections may read it but not insert into it: $refusal"
        def lock = new TableLock(dialect, { connect(db) } as ConnectionSource, 'retort_version_lock',
                new LockOwner('reader', 'here'))

        when:
        long started = System.nanoTime()
        lock.acquire(Duration.ofSeconds(5))

        then: 'no waiting for the timeout, and no claim that someone holds the lock'
        RetortException e = thrown()
        !(e instanceof LockTimeoutException)
        e.code() == ErrorCode.LOCK
        e.message.startsWith("cannot take the migration lock: inserting its row into the lock table 'retort_version_lock' failed (SQLState $state): ")
        Duration.ofNanos(System.nanoTime() - started) < Duration.ofSeconds(3)
        lock.holder().isEmpty()

        where:
        engine                    | refusal                                | state   | connect
        DatabaseEngine.H2         | 'a user granted SELECT only'           | '90096' | { TestDatabase d -> selectOnlyUser(d) }
        DatabaseEngine.POSTGRESQL | 'a read-only session (a standby, say)' | '25006' | { TestDatabase d -> readOnlySession(d) }
    }

    /** H2: a second user of the database with the right to read the lock table and nothing else. */
    static Connection selectOnlyUser(TestDatabase db) {
        db.connect().withCloseable { c ->
            c.createStatement().withCloseable { s ->
                s.execute('CREATE USER IF NOT EXISTS reader PASSWORD \'r\'')
                s.execute('GRANT SELECT ON retort_version_lock TO reader')
            }
        }
        // the URL's DB_CLOSE_DELAY needs admin rights to set; the database is already open, kept by the admin's URL
        java.sql.DriverManager.getConnection(db.jdbcUrl().replace(';DB_CLOSE_DELAY=-1', ''), 'reader', 'r')
    }

    /** PostgreSQL: a session whose transactions are read-only, as on a hot standby. */
    static Connection readOnlySession(TestDatabase db) {
        Connection c = db.connect()
        c.createStatement().withCloseable { it.execute('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY') }
        c
    }

    def "PostgreSQL: the advisory lock names the holding session's pid and dies with that session"() {
        given: 'a lock whose connections the spec can see, for the same version table as the Retort below'
        db = DatabaseEngine.POSTGRESQL.fresh()
        List<Connection> opened = []
        def ours = new PostgresAdvisoryLock({ def c = db.connect(); opened << c; c } as ConnectionSource, 'retort_version')
        def migrator = retort()

        expect:
        migrator.lock() instanceof PostgresAdvisoryLock
        migrator.lock().holder().isEmpty()

        when:
        def held = ours.acquire(Duration.ofSeconds(1))
        def pid = opened.findAll { !it.closed }.collect { c ->
            c.createStatement().withCloseable { s -> s.executeQuery('SELECT pg_backend_pid()').withCloseable { rs -> rs.next(); rs.getInt(1) } }
        }

        then: 'exactly one session holds it: the one the holder names'
        pid.size() == 1
        migrator.lock().holder().get().owner().startsWith("PostgreSQL backend pid ${pid[0]} ")

        when: 'another session waits, then gives up naming it'
        migrator.lock().acquire(SHORT)

        then:
        LockTimeoutException e = thrown()
        e.code() == ErrorCode.LOCK
        e.message.contains("PostgreSQL backend pid ${pid[0]} ")
        e.message.contains('It is released when that session ends.')

        when: 'an upgrade gives up before touching the schema'
        retort(SHORT).upgrade('head')

        then:
        RetortException refused = thrown()
        refused.code() == ErrorCode.LOCK
        tables(db).isEmpty()

        when: 'the holding session ends without unlocking (a killed migrator)'
        opened.each { it.close() }
        def next = migrator.lock().acquire(Duration.ofSeconds(5))

        then: 'the lock is free; nothing was left to force'
        !migrator.lock().holder().get().owner().startsWith("PostgreSQL backend pid ${pid[0]} ")
        !migrator.lock().forceRelease()

        when: 'unlocking on a dead session is harmless'
        held.close()
        next.close()

        then:
        notThrown(Exception)
        migrator.lock().holder().isEmpty()
    }

    def "#engine: a database already at its target is answered without the lock, so start-ups do not queue behind a migrator"() {
        given: 'the database is at head, and another migrator holds the lock'
        db = engine.fresh()
        retort().upgrade('head')
        def held = retort().lock().acquire(Duration.ofSeconds(1))

        when: 'a no-op upgrade would otherwise wait for it'
        def result = retort(SHORT).upgrade('head')

        then: 'it answers from one read, taking nothing'
        result.applied().isEmpty()
        result.endHeads() == ['b2']

        when: 'while an upgrade with work to do still waits for the lock, and gives up'
        retort(SHORT).downgrade('base')

        then:
        RetortException refused = thrown()
        refused.code() == ErrorCode.LOCK

        when: 'once released, that work goes ahead'
        held.close()
        def down = retort(SHORT).downgrade('base')

        then:
        down.endHeads().isEmpty()

        where:
        engine << [DatabaseEngine.H2, DatabaseEngine.POSTGRESQL]
    }
}
