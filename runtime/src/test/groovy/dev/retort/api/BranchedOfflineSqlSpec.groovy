package dev.retort.api

import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.api.LiveSchema.revisionTables
import static dev.retort.api.LiveSchema.runScript

/**
 * Offline ({@code --sql}) output for a branched history: the version-table statements of §5, in the order and
 * place §7 gives them (after each migration's own SQL, inside its transaction), checked as text, then run on H2 and
 * PostgreSQL to show the rows they leave are the rows an online run would.
 */
class BranchedOfflineSqlSpec extends Specification {

    /** r branches into a and b, which merge into m, then n. */
    static final List<String> GRAPH = ['r', 'a <- r', 'b <- r', 'm <- a, b', 'n <- m']

    @AutoCleanup
    TestDatabase db

    static Retort offline(String dialect) {
        Retort.configure().dialect(dialect).source(TableSource.of(GRAPH)).load()
    }

    def "#dialect: upgradeSql of a merge: INSERT for the new branch, UPDATE along a line, DELETE then UPDATE at the merge"() {
        when:
        def script = offline(dialect).upgradeSql('heads')

        then: 'the version table first (the start is base), then each migration with its version statements'
        bookkeeping(script) == [
                'create version table',
                'upgrade <base> -> r', '+r',
                'upgrade r -> a', 'r>a',
                // b's parent r is no longer a row (a replaced it): a new branch row
                'upgrade r -> b', '+b',
                // both parents are rows: all but one are deleted, the last is carried to the merge
                'upgrade a, b -> m', '-a', 'b>m',
                'upgrade m -> n', 'm>n']

        and: "the merge's block: its comment, its own SQL, the version statements, then the history row"
        def block = block(script, '-- Running upgrade a, b -> m')
        def lower = block.toLowerCase()
        lower.indexOf('create table "t_m"') < lower.indexOf('delete from "retort_version"')
        lower.indexOf('delete from "retort_version"') < lower.indexOf('update "retort_version"')
        lower.indexOf('update "retort_version"') < lower.lastIndexOf('"retort_history"')
        block.count('BEGIN;') == transactions
        block.count('COMMIT;') == transactions
        !transactions || block.indexOf('BEGIN;') < lower.indexOf('create table "t_m"')
        !transactions || block.indexOf('COMMIT;') > lower.indexOf('insert into "retort_history"')

        and: 'where DDL cannot roll back (H2), a running marker is written first and completed with the version change'
        transactions || lower.indexOf("'running'") < lower.indexOf('create table "t_m"')
        transactions || lower.lastIndexOf('update "retort_history" set "outcome" = \'done\', "duration_ms" = null where "revision" = \'m\' and "outcome" = \'running\'') > lower.indexOf('update "retort_version"')

        where:
        dialect      | transactions
        'postgresql' | 1
        'h2'         | 0
    }

    def "#dialect: upgradeSql from a start on one branch inserts a row for the other branch and merges it"() {
        when:
        def script = offline(dialect).upgradeSql('a:m')

        then:
        bookkeeping(script) == [
                'upgrade r -> b', '+b',
                'upgrade a, b -> m', '-a', 'b>m']

        where:
        dialect << ['postgresql', 'h2']
    }

    def "#dialect: downgradeSql through a merge: UPDATE to one parent and INSERT the other, then each branch"() {
        when:
        def script = offline(dialect).downgradeSql('n:r')

        then:
        bookkeeping(script) == [
                'downgrade n -> m', 'n>m',
                // §5: the merge row goes to one parent, the other parent gets its row back
                'downgrade m -> a, b', 'm>b', '+a',
                // r is still implied by b: a's row is deleted
                'downgrade a -> r', '-a',
                'downgrade b -> r', 'b>r']

        where:
        dialect << ['postgresql', 'h2']
    }

    def "#engine: the offline scripts leave the rows an online run would"() {
        given:
        db = engine.fresh()
        def online = Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .source(TableSource.of(GRAPH)).load()

        when:
        runScript(db, online.upgradeSql('heads'))

        then:
        online.currentRows() == ['n']
        revisionTables(db) == ['r', 'a', 'b', 'm', 'n'] as Set

        when:
        runScript(db, online.downgradeSql('n:a'))

        then: 'down to a: m and n reverted, b stays applied with a row of its own'
        online.currentRows() as Set == ['a', 'b'] as Set
        revisionTables(db) == ['r', 'a', 'b'] as Set

        when: 'online from here'
        online.upgrade('heads')

        then:
        online.currentRows() == ['n']

        where:
        engine << DatabaseEngine.values()
    }

    // --- reading scripts ------------------------------------------------------------------------------------------

    /**
     * The script's bookkeeping in order: {@code create version table}, each {@code -- Running} comment without its
     * file, and each version-table statement as {@code +x} (insert), {@code -x} (delete) or {@code x>y} (update).
     */
    static List<String> bookkeeping(String script) {
        script.readLines().findResults { String line ->
            def m
            if ((m = line =~ /^-- Running (.*) \([^)]*\)$/)) {
                return m[0][1]
            }
            if (line ==~ /(?i)^CREATE TABLE "retort_version" .*/) {
                return 'create version table'
            }
            if ((m = line =~ /(?i)^INSERT INTO "retort_version" \("version_num"\) VALUES \('([^']*)'\);$/)) {
                return "+${m[0][1]}".toString()
            }
            if ((m = line =~ /(?i)^DELETE FROM "retort_version" WHERE "version_num" = '([^']*)';$/)) {
                return "-${m[0][1]}".toString()
            }
            if ((m = line =~ /(?i)^UPDATE "retort_version" SET "version_num" = '([^']*)' WHERE "version_num" = '([^']*)';$/)) {
                return "${m[0][2]}>${m[0][1]}".toString()
            }
            assert !(line =~ /(?i)"retort_version"/): "unexpected version-table statement: $line"
            null
        }
    }

    /** From the comment line that starts with {@code header} to the next {@code -- Running} comment. */
    static String block(String script, String header) {
        int start = script.indexOf(header)
        assert start >= 0: "no '$header' in\n$script"
        int end = script.indexOf('-- Running', start + header.length())
        script.substring(start, end < 0 ? script.length() : end)
    }
}
