package dev.retort.dsl.compile

import dev.retort.api.RetortException
import dev.retort.dsl.ScriptFixture
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Literal scripts are read without Groovy. Each script here is read both ways: where the literal reader takes it,
 * the migration (or the error) must equal what compiling gives; where it does not, the script is compiled as before.
 */
class LiteralScriptSpec extends Specification {

    @TempDir
    Path dir
    ScriptFixture scripts

    def setup() {
        scripts = new ScriptFixture(dir)
    }

    static String script(String body) {
        "revision 'a1'\ndownRevision null\nmessage 'm'\n\n" + body.stripIndent()
    }

    def "every DSL call with literal arguments is read without Groovy, with what compiling gives"() {
        expect:
        scripts.readsLiterally(script(body))

        where:
        body << [
                '''\
                change {
                    createTable('books') {
                        column('id', BIGINT) { primaryKey(); identity() }
                        column('title', VARCHAR(200)) { notNull(); unique() }
                        column('price', DECIMAL(10, 2)) { defaultValue 0 }
                        column('ratio', DOUBLE) { defaultValue(-1.50) }
                        column('n', BIGINT) { defaultValue(-12); autoIncrement() }
                        column('big', BIGINT) { defaultValue 12L }
                        column('created', TIMESTAMP_TZ) { defaultExpression 'CURRENT_TIMESTAMP' }
                        column('ts', TIMESTAMP) { defaultValue expression('CURRENT_TIMESTAMP') }
                        column('author_id', BIGINT) { references 'authors', 'id', onDelete: CASCADE }
                        column('editor_id', BIGINT) { references('people', 'id') }
                        column('code', CHAR(3)) { defaultValue null }
                        column('key', UUID)
                        column('doc', JSON)
                        column('vec', raw('tsvector'))
                        column('flag', BOOLEAN) { defaultValue true }
                        column('t', TEXT) { defaultValue "it's \\"quoted\\" \\$ \\u00e9" }
                        unique 'title', 'code'
                        unique 'code', name: 'uq_code'
                        check 'price >= 0'
                        check 'ck_code', "code <> ''"
                        foreignKey 'editor_id', references: 'people', columns: ['id'], onUpdate: SET_NULL
                        index 'title'
                        index 'created', 'code', name: 'ix_recent', unique: true, where: 'code IS NOT NULL'
                    }
                }''',
                '''\
                change {
                    createTable('pairs') {
                        column('a', INTEGER) { notNull() }
                        column('b', SMALLINT); column('c', REAL)
                        primaryKey 'a', 'b'
                    }
                    addColumn('pairs', 'd', VARCHAR(10)) { notNull(); defaultValue 'x' }
                    addColumn 'pairs', 'e', DATE
                    renameColumn('pairs', 'e', 'e2')
                    renameTable('pairs', 'couples')
                    createIndex('ix_d', 'couples', 'd', unique: true)
                    createIndex unique: true, 'ix_cd', 'couples', 'c', 'd'
                    addUniqueConstraint('couples', 'c')
                    addUniqueConstraint('couples', 'd', name: 'uq_d')
                    addCheckConstraint('couples', 'a > 0')
                    addCheckConstraint('couples', 'ck_b', 'b > 0')
                    addForeignKey('couples', 'a', references: 'other', columns: ['id'], onDelete: SET_DEFAULT, name: 'fk_x')
                    createSequence('s1')
                    createSequence('s2', 10, 5)
                    createView('v', \'\'\'
                        SELECT a
                        FROM couples\'\'\')
                }''',
                '''\
                upgrade {
                    dropTable('a')
                    dropTable('b') { column('id', BIGINT) { primaryKey() }; index 'id' }
                    dropColumn('t', 'c')
                    dropColumn('t', 'd', INTEGER)
                    dropColumn('t', 'e', VARCHAR(3)) { notNull() }
                    dropIndex('ix_a')
                    dropIndex('ix_b', 't')
                    dropIndex('ix_c', 't', 'c1', 'c2', unique: true, where: 'c1 > 0')
                    dropConstraint('t', 'uq_t')
                    dropSequence('s1')
                    dropSequence 's2', 1, 1
                    dropView('v')
                    dropView 'w', 'SELECT 1'
                    addPrimaryKey('t', 'id')
                    addPrimaryKey('u', 'a', 'b', name: 'pk_u')
                    alterColumn('t', 'c') { type VARCHAR(300); nullable false; defaultValue 'x'; using 'c::text'; previous { type VARCHAR(200); nullable true; noDefault() } }
                    alterColumn('t', 'd') { dropDefault() }
                    alterColumn('t', 'e') { defaultExpression 'now()'; previous { defaultValue 3 } }
                    alterColumn('t', 'f') { type UUID }
                }
                downgrade { }''',
                '''\
                upgrade {
                    insert('authors', [
                        [id: 1, full_name: 'Ursula K. Le Guin', born: '1929-10-21', rate: 9.99, ok: true, none: null],
                        ['id': 2, 'full_name': 'Terry Pratchett', born: '1948-04-28', rate: 12.50, ok: false, none: null],
                    ])
                    update 'authors', set: [rate: 0], where: [id: 3]
                    update('authors', set: [rate: 1], where: [:])
                    delete('books', where: [author_id: 1])
                    delete 'books', where: [:]
                    sql 'DELETE FROM x'
                    sql postgresql: "SELECT setval(pg_get_serial_sequence('authors', 'id'), 2)",
                        h2: 'ALTER TABLE authors ALTER COLUMN id RESTART WITH 3'
                    sql([postgresql: 'A', any: 'B'], reverse: [postgresql: 'C'])
                    sql 'CREATE EXTENSION x', reverse: 'DROP EXTENSION x'
                    sql([h2: 'X'])
                }
                downgrade {
                    // nothing to undo
                    /* really
                       nothing */
                }''',
                '''\
                transactional false
                upgrade { sql 'CREATE INDEX CONCURRENTLY ix ON t (c)' }''',
        ]
    }

    def "scripts outside the literal subset are compiled as before"() {
        expect:
        !scripts.readsLiterally(script(body))

        where:
        body << [
                'change { createTable("t_${1}") { column("id", BIGINT) } }',
                'upgrade { execute { sql -> sql.execute("SELECT 1") } }',
                'import java.time.LocalDate\nupgrade { insert("t", [[d: LocalDate.of(2020, 1, 1)]]) }',
                'upgrade { def t = "books"; dropTable(t) }',
                'change {\n  createTable "pairs", {\n    column "a", INTEGER\n  }\n}',
                'upgrade { dropTable("a" + "b") }',
                'upgrade { [1, 2].each { n -> sql("SELECT $n") } }',
                'upgrade { sql("SELECT 1",) }',
                'upgrade { insert("t", [[n: 0x10]]) }',
                'upgrade { insert("t", [[n: 1e3]]) }',
                'upgrade { insert("t", [[n: 010]]) }',
                'upgrade { insert("t", [[n: 12345678901]]) }',
                'upgrade { dropTable "a" ; println "x" }',
                'upgrade { createTable("t") { column("id", BIGINT) { check("id > 0") } } }',
                'change { createTable("t") { column("id", BIGINT); createIndex("ix", "t", "id") } }',
                'change { createTable("t") { column("id", "BIGINT") } }',
                'change { createTable("t") { column("id", BIGINT) { primaryKey(true) } } }',
                'change { createIndex("ix", "t", "c", unique: "yes") }',
                'change { createIndex("ix", "t", "c", clustered: true) }',
                'change { addForeignKey("t", "c", references: "u") }',
                'change { createTable("t") { column("id", VARCHAR(20L)) } }',
                'change { createTable("t") { column("id", VARCHAR(-1)) } }',
                'change { createTable("t") { column("id", BIGINT) { defaultValue UUID } } }',
                'change { createTable("t") { column("id", BIGINT) }.toString() }',
                'change { createTable("t") { column "id", BIGINT { primaryKey() } } }',
                'change { renameColumn "t", "a", "b" renameColumn }',
                'change {\n  createTable("t")\n  { column("id", BIGINT) }\n}',
                'change { createTable(/t/) { column("id", BIGINT) } }',
                'change { createSequence("s", 1.5, 1) }',
                'upgrade { sql(postgresql: "A", h2: 1) }',
                'change { createIndex("ix", "t", "c", where: null) }',
                'upgrade { insert("t", ["a"]) }',
                'upgrade { revision "b2" }',
        ]
    }

    def "a literal script that fails is compiled, so that its error is the compiler's, at its line"() {
        when:
        scripts.load(script(body))

        then:
        RetortException e = thrown()
        e.message.startsWith(scripts.path() + ':' + line + ':')
        e.message.contains(expected)

        and:
        !scripts.readsLiterally(script(body))

        where:
        body                                                                                     | line | expected
        'change {\n  createTable("t") {\n    column("a", INTEGER)\n    column("a", INTEGER)\n  }\n}' | 8    | 'already has a column a'
        'change {\n  createTable("t") {\n    column("a", INTEGER) { primaryKey() }\n    primaryKey "a"\n  }\n}' | 6 | 'more than one primary key'
        'upgrade {\n  insert("t", [[a: 1], [b: 2]])\n}'                                          | 6    | 'every row must name the same columns'
        'upgrade {\n  insert("t", [])\n}'                                                        | 6    | 'needs at least one row'
        'change {\n  dropTable("t")\n}'                                                          | 6    | 'cannot be reversed'
        'change { }\nchange { }'                                                                 | 6    | 'change { } is declared twice'
        'upgrade { }\nchange { }'                                                                | 6    | 'cannot be combined'
        'change { }\nmessage "late"'                                                             | 6    | 'belongs in the header'
        'downgrade { }'                                                                          | 5    | 'needs an upgrade { } block too'
        'upgrade {\n  update("t", set: [a: 1], where: null)\n}'                                  | 6    | "named param 'where' has type 'java.lang.Object'"
        'upgrade {\n  addForeignKey("t", "c", references: "u", columns: [1])\n}'                  | 6    | 'takes a list of names'
        'change { }\nupgrade { }\nfoo()'                                                        | 7    | 'Cannot find matching method'
    }

    def "a call spread over several lines is located at its first line, as compiled"() {
        given:
        String text = script('''\
            upgrade {
                sql postgresql: 'A',
                    h2: 'B'
                createTable(
                    'books'
                ) {
                    column('id', BIGINT)
                }
            }''')

        expect:
        scripts.load(text).upgrade()*.location()*.line() == [6, 8]
        scripts.readsLiterally(text)
    }

    def "the example project's scripts are read literally, except the one with Groovy code"() {
        given:
        Path folder = Path.of('../examples/bookstore/migrations')

        expect:
        Files.list(folder).sorted().toList().collect { file ->
            scripts.readsLiterally(Files.readString(file), file.fileName.toString())
        } == [true, true, true, true, true, false, true]
    }
}
