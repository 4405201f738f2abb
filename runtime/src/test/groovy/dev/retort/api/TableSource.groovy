package dev.retort.api

import dev.retort.operation.ColumnDefinition
import dev.retort.operation.ColumnType
import dev.retort.operation.CreateTable
import dev.retort.operation.DropTable
import dev.retort.operation.SourceLocation
import dev.retort.revision.Migration
import dev.retort.revision.MigrationSource
import dev.retort.revision.Revision
import dev.retort.revision.Revisions

/**
 * Revisions supplied the Java-only way, without any script: each revision's upgrade creates one tiny table named
 * after it ({@code t_<id>}) and its downgrade drops it, so which tables exist says which revisions are applied.
 * Graphs are written in the {@link Revisions} notation ({@code 'm <- b1, b2'}, {@code 'a2 <- a1 needs m2'}).
 */
final class TableSource implements MigrationSource {

    private final List<Revision> revisions
    /** Every revision id {@link #load} was asked for, in order: a source is only asked for what will run. */
    final List<String> loaded = Collections.synchronizedList([])
    /** Revision id to a function of the standard body giving the body to use instead. */
    private final Map<String, Closure<Migration>> changed = [:]

    TableSource(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions)
    }

    static TableSource of(String... specs) {
        new TableSource(Revisions.revs(specs))
    }

    static TableSource of(List<String> specs) {
        of(specs as String[])
    }

    /** A straight line r00 <- r01 <- ... of {@code length} revisions. */
    static TableSource line(int length) {
        of((0..<length).collect { i -> i == 0 ? id(i) : "${id(i)} <- ${id(i - 1)}".toString() })
    }

    static String id(int i) {
        String.format('r%02d', i)
    }

    static String table(String revision) {
        "t_$revision".toString()
    }

    /** Replaces one revision's body: {@code change} receives the standard body and returns the one to use. */
    TableSource change(String revision, Closure<Migration> change) {
        changed[revision] = change
        this
    }

    @Override
    List<Revision> revisions() {
        revisions
    }

    @Override
    Migration load(Revision revision) {
        loaded << revision.id()
        def at = new SourceLocation("java:${revision.id()}", 1)
        def create = new CreateTable(table(revision.id()), [ColumnDefinition.of('id', ColumnType.of(ColumnType.Kind.INTEGER))], [], at)
        def standard = new Migration(revision, [create], [new DropTable(table(revision.id()), create, at)], true)
        changed.containsKey(revision.id()) ? changed[revision.id()].call(standard) : standard
    }

    /**
     * What must be applied when these revisions are the version rows: the rows and everything below them, down
     * revisions and dependencies alike (§5 of the Alembic notes: a row implies its ancestors). Worked out from the
     * headers here, independently of the graph code under test.
     */
    Set<String> appliedBelow(Collection<String> rows) {
        Map<String, Revision> byId = revisions.collectEntries { [(it.id()): it] }
        Set<String> applied = new TreeSet<>()
        List<String> todo = new ArrayList<>(rows)
        while (todo) {
            String id = todo.remove(todo.size() - 1)
            if (applied.add(id)) {
                Revision r = byId[id]
                todo.addAll(r.downRevisions())
                // a dependency may name a branch label: the revision declaring it
                todo.addAll(r.dependsOn().collect { dep -> byId.containsKey(dep) ? dep : revisions.find { dep in it.branchLabels() }.id() })
            }
        }
        applied
    }
}
