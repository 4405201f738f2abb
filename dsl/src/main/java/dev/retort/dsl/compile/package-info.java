/**
 * From files to operations: {@link dev.retort.dsl.compile.GroovyMigrationSource} lists scripts and reads their headers
 * with {@link dev.retort.dsl.compile.HeaderReader} (no compiling); {@link dev.retort.dsl.compile.MigrationLoader}
 * compiles one with {@link dev.retort.dsl.compile.ScriptCompiler} (base class, default imports, type checking) and runs
 * it into a {@link dev.retort.revision.Migration}. Every user error is a {@code RetortException} with code
 * {@code SCRIPT} whose message starts with {@code file:line}.
 */
package dev.retort.dsl.compile;
