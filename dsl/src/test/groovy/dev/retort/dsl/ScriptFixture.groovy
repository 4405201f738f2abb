package dev.retort.dsl

import dev.retort.api.RetortException
import dev.retort.dsl.compile.HeaderReader
import dev.retort.dsl.compile.MigrationLoader
import dev.retort.dsl.compile.ScriptCompiler
import dev.retort.revision.Migration

import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Supplier

/**
 * Writes scripts into a folder and loads them the way the migration source does. A script the literal reader takes
 * is also compiled, and the two results must agree (the same migration, or the same error): every DSL spec that
 * loads a script through this fixture is thereby a test that reading without Groovy means what compiling means.
 */
class ScriptFixture {

    /** One compiler for all specs, as production shares one per source. */
    static final ScriptCompiler COMPILER = new ScriptCompiler(ScriptFixture.classLoader)

    /** How many loads went through the literal reader and were checked against the compiler (for the record). */
    static int literalLoads

    final Path dir

    ScriptFixture(Path dir) {
        this.dir = dir
    }

    Path write(String name, String text) {
        Path file = dir.resolve(name)
        Files.writeString(file, text)
        file
    }

    Migration load(String text, String name = 'a1_test.groovy') {
        Path file = write(name, text)
        def header = new HeaderReader().read(file.toString(), text)
        def script = new MigrationLoader.Script(header, text)
        def literal = outcome { MigrationLoader.readLiteral(script).orElse(null) }
        if (literal != null) {
            def compiled = outcome { new MigrationLoader({ COMPILER } as Supplier, false).load(header, text) }
            assertSame(literal, compiled, text)
            literalLoads++
        }
        new MigrationLoader(COMPILER).load(header, text)
    }

    /** Loads both ways and says whether the literal reader took the script (their results must agree). */
    boolean readsLiterally(String text, String name = 'a1_test.groovy') {
        Path file = write(name, text)
        def header = new HeaderReader().read(file.toString(), text)
        def literal = outcome { MigrationLoader.readLiteral(new MigrationLoader.Script(header, text)).orElse(null) }
        if (literal == null) {
            return false
        }
        assertSame(literal, outcome { new MigrationLoader({ COMPILER } as Supplier, false).load(header, text) }, text)
        true
    }

    String path(String name = 'a1_test.groovy') {
        dir.resolve(name).toString()
    }

    private static Object outcome(Closure<?> load) {
        try {
            load()
        } catch (RetortException e) {
            e
        }
    }

    private static void assertSame(Object literal, Object compiled, String text) {
        if (literal instanceof RetortException || compiled instanceof RetortException) {
            assert literal instanceof RetortException && compiled instanceof RetortException:
                    "read literally: $literal\ncompiled: $compiled\nscript:\n$text"
            assert literal.message == compiled.message && literal.code() == compiled.code(): "script:\n$text"
        } else {
            assert literal == compiled: "script:\n$text"
        }
    }
}
