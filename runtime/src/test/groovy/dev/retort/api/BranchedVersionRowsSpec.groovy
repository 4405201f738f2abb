package dev.retort.api

import dev.retort.plan.Direction
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration

import static dev.retort.api.LiveSchema.history
import static dev.retort.api.LiveSchema.revisionTables

/**
 * Version-table rows on real databases for branched graphs (issue 3): each graph is walked through many
 * {@code upgrade}/{@code downgrade} calls, and after each one the rows (as a set), the revisions applied (in order)
 * and the tables the migrations created are checked.
 *
 * <p>Expected values are worked out by hand from {@code alembic-semantics.md}: §3 says <i>what</i> runs (upgrade:
 * everything the target needs, dependencies included, minus what is applied; downgrade: what lies above the target,
 * cascading through dependents), §5 what the rows become (one row per applied head; a dependency target implied by
 * its dependent has no row; a merge takes its parents' rows, a downgraded merge gives them back). Where the graph
 * leaves the order open, the order is the one {@code RevisionGraph}'s documentation promises (§12.6: deterministic
 * and documented): upgrade walks the set's tops in load order, depth first, dependencies before down revisions;
 * downgrade walks from the set's bottoms in load order, depth first. The error cases where Retort refuses what
 * Alembic only warns about ({@code -1} from several rows) follow {@code TargetResolver}'s documentation.
 *
 * <p>A step reads {@code '<command> <target> | <applied revisions, in order> | <rows after>'}; {@code -} for none. A
 * step whose middle part starts with {@code !} must fail with a TARGET error containing the rest, changing nothing.
 */
class BranchedVersionRowsSpec extends Specification {

    /** Two branches from one base. */
    static final List<String> TWO_BRANCHES = ['a', 'b1 <- a labels left', 'c1 <- b1', 'b2 <- a labels right', 'c2 <- b2']

    /** The two branches of TWO_BRANCHES merge into m, then n. */
    static final List<String> MERGE = ['a', 'b1 <- a labels left', 'c1 <- b1', 'b2 <- a labels right', 'c2 <- b2',
                                       'm <- c1, c2', 'n <- m']

    /** Several bases: two independent labelled lines. */
    static final List<String> FOREST = ['x1 labels xs', 'x2 <- x1', 'y1 labels ys', 'y2 <- y1']

    /** Alembic's depends-on-cross-branch: a2 continues a1 and depends on m2 of an independent line. */
    static final List<String> CROSS = ['a1', 'a2 <- a1 needs m2', 'm1', 'm2 <- m1']

    /** A diamond: a branches into b and c, which merge into d, then e. */
    static final List<String> DIAMOND = ['a', 'b <- a', 'c <- a', 'd <- b, c', 'e <- d']

    /** Two labelled lines from separate bases, merged by mq. */
    static final List<String> MERGED_LINES = ['p1 labels pl', 'p2 <- p1', 'q1 labels ql', 'q2 <- q1', 'mq <- p2, q2']

    @AutoCleanup
    TestDatabase db

    def "#engine: two branches from one base"() {
        expect:
        walk(engine, TWO_BRANCHES,
                'upgrade left@head  | a b1 c1      | c1',
                // §5: after the branch point, b2 INSERTs its own row, since a is no longer a row
                'upgrade heads      | b2 c2        | c1 c2',
                'upgrade c1         |              | c1 c2',
                'downgrade -1       | ! Ambiguous downgrade from multiple current revisions | c1 c2',
                // c1 -> b1 UPDATE; b1 DELETEs its row, because a is implied by c2
                'downgrade left@a   | c1 b1        | c2',
                'downgrade -1       | c2           | b2',
                'upgrade b1         | b1           | b1 b2',
                'upgrade right@head | c2           | b1 c2',
                'downgrade right@-1 | c2           | b1 b2',
                'downgrade base     | b1 b2 a      | -',
                'upgrade heads      | a b1 c1 b2 c2 | c1 c2',
                'downgrade right@a  | c2 b2        | c1',
                'downgrade base     | c1 b1 a      | -')

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a merge of two branches, and a downgrade from the merge to one parent"() {
        expect:
        walk(engine, MERGE,
                'upgrade c1         | a b1 c1      | c1',
                'upgrade c2         | b2 c2        | c1 c2',
                // §5: the merge DELETEs one parent's row and UPDATEs the other's
                'upgrade m          | m            | m',
                'upgrade head       | n            | n',
                // merge-downgrade-to-one-parent: the other parent stays, one row becomes two
                'downgrade c1       | n m          | c1 c2',
                'downgrade left@a   | c1 b1        | c2',
                'upgrade n          | b1 c1 m n    | n',
                'downgrade -1       | n            | m',
                // §2: walking down from a merge point is ambiguous
                'downgrade -1       | ! Ambiguous walk | m',
                // on the branch of 'right' the walk down from m reaches c2: reverting m gives c1 its row back
                'downgrade right@-1 | m            | c1 c2',
                'downgrade base     | c1 b1 c2 b2 a | -')

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: several bases"() {
        expect:
        walk(engine, FOREST,
                'upgrade heads      | x1 x2 y1 y2  | x2 y2',
                'downgrade ys@base  | y2 y1        | x2',
                'downgrade x1       | x2           | x1',
                'upgrade ys@head    | y1 y2        | x1 y2',
                'upgrade y1         |              | x1 y2',
                'downgrade xs@-1    | x1           | y2',
                'upgrade xs@+1      | x1           | x1 y2',
                // §2: +N from several current heads without a label
                'upgrade +1         | ! Ambiguous upgrade from multiple current revisions | x1 y2',
                'upgrade heads      | x2           | x2 y2',
                'downgrade base     | x2 x1 y2 y1  | -')

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: dependsOn across branches: the dependency target gets no row of its own"() {
        expect: 'm2 is an effective head, not a head'
        retort(engine, CROSS).heads()*.id() == ['a2']

        and:
        walk(engine, CROSS,
                'upgrade m2         | m1 m2        | m2',
                'upgrade a1         | a1           | a1 m2',
                // §5 depends-on-cross-branch: after a2, which depends on m2, the table holds only a2
                'upgrade a2         | a2           | a2',
                'upgrade m2         |              | a2',
                // §3 depends-on-downgrade-dependency: reverting m2 reverts its dependent a2 first
                'downgrade m1       | a2 m2        | a1 m1',
                'upgrade heads      | m2 a2        | a2',
                // reverting a2 gives both of what it needed a row again
                'downgrade a1       | a2           | a1 m2',
                'downgrade base     | a1 m2 m1     | -',
                // dependencies come before the revision's own line
                'upgrade a2         | m1 m2 a1 a2  | a2')

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a diamond merge"() {
        expect:
        walk(engine, DIAMOND,
                'upgrade b          | a b          | b',
                // c INSERTs (a is no row), then d DELETEs b's row and UPDATEs c's
                'upgrade d          | c d          | d',
                'downgrade c        | d            | b c',
                'downgrade -1       | ! Ambiguous downgrade from multiple current revisions | b c',
                'downgrade a        | b c          | a',
                'upgrade heads      | b c d e      | e',
                'downgrade b        | e d          | b c',
                'upgrade e          | d e          | e',
                'downgrade base     | e d b c a    | -')

        where:
        engine << DatabaseEngine.values()
    }

    def "#engine: a merge of two lines from separate bases, downgraded to one parent: the other line stays applied"() {
        expect:
        walk(engine, MERGED_LINES,
                'upgrade heads      | p1 p2 q1 q2 mq | mq',
                'downgrade p2       | mq           | p2 q2',
                'downgrade ql@base  | q2 q1        | p2',
                'upgrade mq         | q1 q2 mq     | mq',
                'downgrade q1       | mq q2        | p2 q1',
                'downgrade pl@-1    | p2           | p1 q1',
                'downgrade base     | p1 q1        | -')

        where:
        engine << DatabaseEngine.values()
    }

    // --- the walk ---------------------------------------------------------------------------------------------------

    Retort retort(DatabaseEngine engine, List<String> specs) {
        db = db ?: engine.fresh()
        Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .source(TableSource.of(specs)).lockTimeout(Duration.ofSeconds(20)).load()
    }

    /** Runs each step on a fresh database of the engine and checks it; true when all hold (a Spock condition). */
    boolean walk(DatabaseEngine engine, List<String> specs, String... steps) {
        db?.close()
        db = engine.fresh()
        def retort = retort(engine, specs)
        def source = TableSource.of(specs)
        Set<String> rows = [] as Set
        steps.eachWithIndex { String text, int i ->
            def step = Step.parse(text)
            String where = "step ${i + 1} '${step.command} ${step.target}' from rows $rows"
            int historyBefore = history(db).size()
            if (step.error) {
                try {
                    step.run(retort)
                    assert false: "$where: expected an error containing '${step.error}'"
                } catch (RetortException e) {
                    assert e.code() == ErrorCode.TARGET: "$where: $e"
                    assert e.message.contains(step.error): where
                }
                assert history(db).size() == historyBefore: "$where: the failed call logged steps"
            } else {
                def result = step.run(retort)
                assert result.startHeads() as Set == rows: where
                assert result.steps()*.revision()*.id() == step.applied: where
                assert result.steps().every { it.direction() == step.direction }: where
                assert result.endHeads() as Set == step.rows: where
                assert history(db).drop(historyBefore) == step.applied.collect { [it, step.direction.word()] }: where
            }
            assert retort.currentRows() as Set == step.rows: "$where: version rows"
            assert retort.currentRows().size() == step.rows.size(): "$where: duplicate version rows"
            assert revisionTables(db) == source.appliedBelow(step.rows): "$where: tables"
            rows = step.rows
        }
        true
    }

    /** One parsed step of a walk. */
    static final class Step {
        String command
        String target
        List<String> applied
        String error
        Set<String> rows

        static Step parse(String text) {
            def parts = text.split(/\|/)*.trim()
            assert parts.size() == 3: "bad step: $text"
            def (command, target) = parts[0].split(/\s+/)
            def step = new Step(command: command, target: target,
                    rows: (parts[2] == '-' ? [] : parts[2].split(/\s+/)) as Set)
            if (parts[1].startsWith('!')) {
                step.error = parts[1].substring(1).trim()
                step.applied = []
            } else {
                step.applied = parts[1] ? parts[1].split(/\s+/) as List : []
            }
            step
        }

        Direction getDirection() {
            command == 'upgrade' ? Direction.UPGRADE : Direction.DOWNGRADE
        }

        MigrationResult run(Retort retort) {
            command == 'upgrade' ? retort.upgrade(target) : retort.downgrade(target)
        }
    }
}
