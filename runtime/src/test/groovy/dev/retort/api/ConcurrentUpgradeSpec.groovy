package dev.retort.api

import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.H2Databases
import dev.retort.testsupport.TestDatabase
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

import static dev.retort.api.LiveSchema.history
import static dev.retort.api.LiveSchema.revisionTables

/**
 * Several application instances starting at once, each migrating on start-up: eight migrators, each its own
 * {@link Retort} with its own connections, call {@code upgrade("head")} at the same moment on one database. The lock
 * must let exactly one of them apply the history; the others then find nothing to do.
 */
class ConcurrentUpgradeSpec extends Specification {

    static final int MIGRATORS = 8
    static final int REVISIONS = 20
    static final int ROUNDS = 5

    @TempDir
    Path dir

    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    def "#database: 8 migrators upgrade one database at once, 5 times over: each of 20 revisions is applied exactly once"() {
        given:
        ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS)

        expect:
        try {
            (1..ROUNDS).each { round ->
                TestDatabase db = fresh(database)
                try {
                    race(db, pool, "round $round")
                } finally {
                    db.close()
                }
            }
        } finally {
            pool.shutdownNow()
        }

        where:
        database << ['h2 file', 'postgresql']
    }

    private void race(TestDatabase db, ExecutorService pool, String round) {
        def start = new CyclicBarrier(MIGRATORS)
        def futures = (1..MIGRATORS).collect {
            pool.submit({
                def retort = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                        .source(TableSource.line(REVISIONS)).lockTimeout(Duration.ofSeconds(60)).load()
                start.await(30, TimeUnit.SECONDS)
                retort.upgrade('head')
            } as Callable<MigrationResult>)
        }
        // every call returns; get() rethrows whatever one of them threw
        List<MigrationResult> results = futures.collect { it.get(60, TimeUnit.SECONDS) }
        List<String> all = (0..<REVISIONS).collect { TableSource.id(it) }
        String head = all.last()

        assert results.count { it.steps()*.revision()*.id() == all } == 1: "$round: one migrator applies everything"
        assert results.count { it.changedNothing() && it.startHeads() == [head] } == MIGRATORS - 1:
                "$round: the others wait, then find the database at head"
        assert history(db) == all.collect { [it, 'upgrade'] }: "$round: each revision logged once"
        assert results[0].endHeads() == [head]
        def reader = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .source(TableSource.line(REVISIONS)).load()
        assert reader.currentRows() == [head]: "$round: one version row"
        assert revisionTables(db) == all as Set: round
    }

    /**
     * PostgreSQL: a schema of its own. H2: a file database with {@code AUTO_SERVER}, as separate application instances
     * would share it (a named in-memory database would also do within one JVM).
     */
    private TestDatabase fresh(String database) {
        switch (database) {
            case 'postgresql': return DatabaseEngine.POSTGRESQL.fresh()
            case 'h2 file': return H2Databases.inDirectory(dir)
        }
        throw new IllegalArgumentException(database)
    }
}
