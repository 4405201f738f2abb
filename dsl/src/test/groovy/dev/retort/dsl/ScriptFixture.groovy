package dev.retort.dsl

import dev.retort.dsl.compile.HeaderReader
import dev.retort.dsl.compile.MigrationLoader
import dev.retort.dsl.compile.ScriptCompiler
import dev.retort.revision.Migration

import java.nio.file.Files
import java.nio.file.Path

/** Writes scripts into a folder and loads them the way the migration source does. */
class ScriptFixture {

    /** One compiler for all specs, as production shares one per source. */
    static final ScriptCompiler COMPILER = new ScriptCompiler(ScriptFixture.classLoader)

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
        new MigrationLoader(COMPILER).load(header, text)
    }

    String path(String name = 'a1_test.groovy') {
        dir.resolve(name).toString()
    }
}
