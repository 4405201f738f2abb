package dev.retort.api

import dev.retort.dialect.Dialect
import dev.retort.dialect.Dialects
import dev.retort.dialect.SqlStatement
import dev.retort.operation.Operation
import dev.retort.plan.VersionChange
import dev.retort.testsupport.Catalog
import dev.retort.testsupport.TestDatabase
import dev.retort.versiontable.VersionTable

/**
 * Reads a test database back for the facade specs, each call on a connection of its own (Retort uses its own
 * connections, so this sees only what they committed). SQL comes from the dialect's renderer, never by hand.
 */
final class LiveSchema {

    private LiveSchema() {
    }

    static Dialect dialect(TestDatabase db) {
        Dialects.standard().forUrl(db.jdbcUrl())
    }

    /** Ordinary tables of the database, lower-case. */
    static Set<String> tables(TestDatabase db) {
        db.connect().withCloseable { c -> new Catalog(c).tables()*.toLowerCase() as Set }
    }

    /** The migration tables ({@code t_<id>}) only, as the revision ids they stand for. */
    static Set<String> revisionTables(TestDatabase db) {
        tables(db).findAll { it.startsWith('t_') }.collect { it.substring(2) } as Set
    }

    /** {@code [revision, direction]} of every history row, oldest first. */
    static List<List<String>> history(TestDatabase db) {
        if (!('retort_history' in tables(db))) {
            return []
        }
        query(db, dialect(db).selectAll('retort_history', ['id', 'revision', 'direction']))
                .sort { it[0] as long }.collect { [it[1] as String, it[2] as String] }
    }

    /** Adds a version row directly, as a hand edit (or another project) would. */
    static void insertVersionRow(TestDatabase db, String revision) {
        execute(db, new VersionTable(null).change(new VersionChange.Insert(revision)))
    }

    static void execute(TestDatabase db, Operation operation) {
        db.connect().withCloseable { c ->
            dialect(db).renderer().render(operation).each { s ->
                c.createStatement().withCloseable { it.execute((s as SqlStatement).sql()) }
            }
        }
    }

    /**
     * Runs an offline script on the database the way a DBA would paste it: statements split on the terminator
     * followed by a blank line, chunks that are only comments skipped. Returns how many statements ran.
     */
    static int runScript(TestDatabase db, String script) {
        def statements = statements(script)
        db.connect().withCloseable { c ->
            statements.each { sql -> c.createStatement().withCloseable { it.execute(sql) } }
        }
        statements.size()
    }

    static List<String> statements(String script) {
        script.split(/;\n\n/).collect { it.trim() }.findAll { chunk ->
            chunk && !chunk.readLines().every { it.trim().isEmpty() || it.trim().startsWith('--') }
        }.collect { it.endsWith(';') ? it[0..-2] : it }
    }

    static List<List<Object>> query(TestDatabase db, String sql) {
        db.connect().withCloseable { c -> dev.retort.testsupport.QueryRows.of(c, sql) }
    }
}
