package dev.retort.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

import java.util.Arrays;
import java.util.List;

/**
 * The base class of every migration script. Running a script records its header and registers its blocks; nothing
 * touches a database. The header must be literal values at the top of the file, because it is also read without
 * running the script.
 *
 * <pre>
 * revision     '3f9a1c2b7d4e'
 * downRevision '9b0e4d1a2c3f'
 * message      'create invoices'
 *
 * change {
 *     createTable('invoices') { column('id', BIGINT) { primaryKey() } }
 * }
 * </pre>
 */
public abstract class MigrationScript extends Script {

    ScriptDeclarations declarations;

    protected MigrationScript() {
    }

    protected MigrationScript(Binding binding) {
        super(binding);
    }

    /** This revision's unique id: letters, digits and underscores. */
    public void revision(String id) {
        declarations().revision(id);
    }

    /** The parent revision; leave it out (or {@code null}) for a base revision. */
    public void downRevision(String id) {
        declarations().downRevisions(id == null ? List.of() : List.of(id));
    }

    /** The parents of a merge point: {@code downRevision(['a1', 'b2'])}. */
    public void downRevision(List<String> ids) {
        declarations().downRevisions(ids);
    }

    public void branchLabels(String... labels) {
        declarations().branchLabels(labels == null ? List.of() : Arrays.asList(labels));
    }

    public void branchLabels(List<String> labels) {
        declarations().branchLabels(labels);
    }

    /** Revisions (ids or branch labels) that must run first without being version parents. */
    public void dependsOn(String... ids) {
        declarations().dependsOn(ids == null ? List.of() : Arrays.asList(ids));
    }

    public void dependsOn(List<String> ids) {
        declarations().dependsOn(ids);
    }

    public void message(String text) {
        declarations().message(text);
    }

    /** {@code transactional false}: run outside a transaction, for statements such as CREATE INDEX CONCURRENTLY. */
    public void transactional(boolean transactional) {
        declarations().transactional(transactional);
    }

    /** What upgrading to this revision does; pair it with {@link #downgrade}. */
    public void upgrade(@DelegatesTo(value = OperationsSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declarations().block(Block.Kind.UPGRADE, SpecClosure.body(body));
    }

    /** What downgrading from this revision does. Without it the revision can be upgraded but not downgraded. */
    public void downgrade(@DelegatesTo(value = OperationsSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declarations().block(Block.Kind.DOWNGRADE, SpecClosure.body(body));
    }

    /** Operations whose downgrade is derived: each one reversed, in reverse order. */
    public void change(@DelegatesTo(value = OperationsSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        declarations().block(Block.Kind.CHANGE, SpecClosure.body(body));
    }

    private ScriptDeclarations declarations() {
        return ScriptDeclarations.of(this);
    }
}
