package dev.retort.dsl.compile

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.dsl.MigrationScript
import dev.retort.dsl.ScriptFixture
import spock.lang.Specification

class ScriptCompilerSpec extends Specification {

    static final String FILE = 'db/migrations/x.groovy'

    String compileError(String text) {
        try {
            ScriptFixture.COMPILER.compile(FILE, text)
        } catch (RetortException e) {
            assert e.code() == ErrorCode.SCRIPT
            assert e.cause == null
            return e.message
        }
        throw new AssertionError('expected a compile error')
    }

    def "#description fails at compile time with file:line:column"() {
        expect:
        compileError("revision 'a1'\nupgrade {\n$body\n}") == "$FILE:$position: $message"

        where:
        description                 | body                                                 | position | message
        'a misspelled DSL method'   | "    creatTable('books') { }"                        | '3:5'    | 'Cannot find matching method x#creatTable(java.lang.String, groovy.lang.Closure). Please check if the declared type is correct and if the method exists.'
        'a wrong argument type'     | "    createTable('b') {\n        column('id', 5)\n    }" | '4:9' | 'Cannot find matching method x#column(java.lang.String, int). Please check if the declared type is correct and if the method exists.'
        'an undeclared variable'    | '    foo.bar()'                                      | '3:5'    | 'The variable [foo] is undeclared.'
        'an unknown named argument' | "    createIndex 'ix', 't', 'c', uniqe: true"        | '3:33'   | 'unexpected named arg: uniqe'
        'a missing named argument'  | "    update 't', set: [a: 1]"                        | '3:12'   | "required named param 'where' not found."
        'a typo on the Sql object'  | "    execute { sql -> sql.exectue('x') }"            | '3:22'   | 'Cannot find matching method groovy.sql.Sql#exectue(java.lang.String). Please check if the declared type is correct and if the method exists.'
        'a method of another block' | "    createTable('b') {\n        column('id', INTEGER) { previous { } }\n    }" | '4:33' | 'Cannot find matching method x#previous(groovy.lang.Closure). Please check if the declared type is correct and if the method exists.'
        'a syntax error'            | "    createTable('books' {"                          | '2:9'    | "Unexpected input: '{'"
    }

    def "every error of the file is reported, one per line, and multi-line calls keep exact lines"() {
        expect:
        compileError('''\
            revision 'a1'
            upgrade {
                creatTable('a') { }
                insert('t', [[a: 1],
                   [a: 'x'.foo()]])
                renameTable 'a'
            }'''.stripIndent()).readLines() == [
                "$FILE:3:5: Cannot find matching method x#creatTable(java.lang.String, groovy.lang.Closure). Please check if the declared type is correct and if the method exists.",
                "$FILE:5:12: Cannot find matching method java.lang.String#foo(). Please check if the declared type is correct and if the method exists.",
                "$FILE:6:5: Cannot find matching method x#renameTable(java.lang.String). Please check if the declared type is correct and if the method exists.",
        ]
    }

    def "inside the block of a misspelled method only the misspelling is reported, not every call in the block"() {
        expect:
        compileError('''\
            revision 'a1'
            upgrade {
                creatTable('a') {
                    column('id', BIGINT) { primaryKey() }
                }
                renameTable 'a'
            }'''.stripIndent()).readLines() == [
                "$FILE:3:5: Cannot find matching method x#creatTable(java.lang.String, groovy.lang.Closure). Please check if the declared type is correct and if the method exists.",
                "$FILE:6:5: Cannot find matching method x#renameTable(java.lang.String). Please check if the declared type is correct and if the method exists.",
        ]
    }

    def "header methods are typed too"() {
        expect:
        compileError("revision 42\nchange { }") ==
                "$FILE:1:1: Cannot find matching method x#revision(int). Please check if the declared type is correct and if the method exists."
    }

    def "a file that declares only a class is not a migration script"() {
        expect:
        compileError('class Foo { }') == "$FILE:1: is not a migration script: it declares Foo but no statements"
    }

    def "scripts extend MigrationScript, see the vocabulary and Sql, and compiling runs nothing"() {
        when:
        def type = ScriptFixture.COMPILER.compile(FILE, '''\
            revision 'a1'
            throw new IllegalStateException('ran')
            upgrade { execute { Sql sql -> }; addColumn 't', 'c', DECIMAL(3, 1) }'''.stripIndent())

        then:
        MigrationScript.isAssignableFrom(type)
    }

    def "the same file name can be compiled again, with new content"() {
        when:
        def first = ScriptFixture.COMPILER.compile(FILE, "revision 'a1'\nchange { }")
        def second = ScriptFixture.COMPILER.compile(FILE, "revision 'b2'\nchange { }")

        then:
        first != second
    }
}
