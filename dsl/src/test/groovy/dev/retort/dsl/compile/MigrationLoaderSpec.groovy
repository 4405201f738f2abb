package dev.retort.dsl.compile

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.dsl.ScriptFixture
import dev.retort.operation.*
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class MigrationLoaderSpec extends Specification {

    @TempDir
    Path dir
    ScriptFixture scripts

    def setup() {
        scripts = new ScriptFixture(dir)
    }

    SourceLocation at(int line) {
        new SourceLocation(scripts.path(), line)
    }

    String loadError(String text) {
        try {
            scripts.load(text)
        } catch (RetortException e) {
            assert e.code() == ErrorCode.SCRIPT
            return e.message
        }
        throw new AssertionError('expected a load error')
    }

    def "change { } derives the downgrade: each operation reversed, in reverse order"() {
        when:
        def migration = scripts.load('''\
            revision 'a1'
            change {
                createTable('books') {
                    column('id', BIGINT) { primaryKey() }
                    index 'id'
                }
                addColumn 'books', 'isbn', VARCHAR(13)
                renameColumn 'books', 'isbn', 'code'
                addForeignKey 'books', 'author_id', references: 'authors', columns: ['id']
                sql 'CREATE EXTENSION x', reverse: 'DROP EXTENSION x'
                alterColumn('books', 'code') { type VARCHAR(20); previous { type VARCHAR(13) } }
                dropView 'v', 'SELECT 1'
            }'''.stripIndent())
        def up = migration.upgrade()

        then:
        up*.class == [CreateTable, CreateIndex, AddColumn, RenameColumn, AddConstraint, RawSql, AlterColumn, DropView]
        migration.downgrade() == [
                new CreateView('v', 'SELECT 1', at(12)),
                new AlterColumn('books', 'code', ColumnType.varchar(13), null, null, ColumnType.varchar(20), null, null, null, at(11)),
                new RawSql(['*': 'DROP EXTENSION x'], up[5] as RawSql, at(10)),
                new DropConstraint('books', 'fk_books_author_id', (up[4] as AddConstraint).constraint(), at(9)),
                new RenameColumn('books', 'code', 'isbn', at(8)),
                new DropColumn('books', 'isbn', ColumnDefinition.of('isbn', ColumnType.varchar(13)), at(7)),
                new DropIndex('ix_books_id', 'books', up[1] as CreateIndex, at(3)),
                new DropTable('books', up[0] as CreateTable, at(3)),
        ]
        migration.transactional()
        migration.revision().id() == 'a1'
    }

    def "dropTable with its definition reverses into the table and its indexes"() {
        when:
        def migration = scripts.load('''\
            revision 'a1'
            change {
                dropTable('books') {
                    column('id', BIGINT)
                    index 'id'
                }
            }'''.stripIndent())

        then:
        migration.downgrade()*.describe() == ['createTable books', 'createIndex ix_books_id on books']
    }

    def "#op cannot be reversed: loading fails at its line"() {
        expect:
        loadError("revision 'a1'\nchange {\n    renameTable 'a', 'b'\n    $op\n}") ==
                "${scripts.path()}:4: $described cannot be reversed automatically; use upgrade { } and downgrade { } instead"

        where:
        op                                          | described
        "dropTable 'books'"                         | 'dropTable books'
        "sql 'VACUUM'"                              | 'sql VACUUM'
        "insert 'books', [[id: 1]]"                 | 'insert into books (1 row)'
        "update 'books', set: [a: 1], where: [:]"   | 'update books'
        "delete 'books', where: [id: 1]"            | 'delete from books'
        'execute { sql -> }'                        | 'execute { } block'
        "execute('backfill') { sql -> }"            | 'backfill'
        "alterColumn('b', 'c') { nullable false }"  | 'alterColumn b.c'
        "dropColumn 'b', 'c'"                       | 'dropColumn b.c'
        "dropIndex 'ix'"                            | 'dropIndex ix'
        "dropConstraint 'b', 'uq'"                  | 'dropConstraint uq on b'
        "dropSequence 's'"                          | 'dropSequence s'
        "dropView 'v'"                              | 'dropView v'
    }

    def "every irreversible operation is reported, one per line"() {
        expect:
        loadError("revision 'a1'\nchange {\n    dropTable 'a'\n    renameTable 'b', 'c'\n    sql 'X'\n}").readLines() == [
                "${scripts.path()}:3: dropTable a cannot be reversed automatically; use upgrade { } and downgrade { } instead",
                "${scripts.path()}:5: sql X cannot be reversed automatically; use upgrade { } and downgrade { } instead",
        ]
    }

    def "upgrade and downgrade blocks, and transactional false"() {
        when:
        def migration = scripts.load('''\
            revision 'a1'
            transactional false
            upgrade {
                sql 'CREATE INDEX CONCURRENTLY ix ON t (c)'
            }
            downgrade {
                sql 'DROP INDEX CONCURRENTLY ix'
            }'''.stripIndent())

        then:
        migration.upgrade() == [RawSql.of('CREATE INDEX CONCURRENTLY ix ON t (c)', at(4))]
        migration.downgrade() == [RawSql.of('DROP INDEX CONCURRENTLY ix', at(7))]
        !migration.transactional()
    }

    def "an empty downgrade { } is a downgrade that does nothing"() {
        expect:
        scripts.load("revision 'a1'\nupgrade { sql 'X' }\ndowngrade { }").downgrade() == []
    }

    def "upgrade { } without downgrade { } loads, but asking for its downgrade fails with file and line"() {
        when:
        def migration = scripts.load("revision 'a1'\nupgrade { sql 'X' }")

        then:
        !migration.hasDowngrade()
        migration.upgrade().size() == 1

        when:
        migration.downgrade()

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message == "${scripts.path()}:1: revision a1 declares upgrade { } but no downgrade { }, so it cannot be downgraded"
    }

    def "#description is an error at line #line"() {
        expect:
        loadError(text) == "${scripts.path()}:$line: $message"

        where:
        description            | text                                                       | line | message
        'change with upgrade'  | "revision 'a1'\nupgrade { }\nchange { }"                   | 3    | 'change { } cannot be combined with upgrade { } or downgrade { }: change { } derives the downgrade by reversing its operations'
        'upgrade after change' | "revision 'a1'\nchange { }\n\nupgrade { }"                 | 4    | 'change { } cannot be combined with upgrade { } or downgrade { }: change { } derives the downgrade by reversing its operations'
        'a block twice'        | "revision 'a1'\nupgrade { }\ndowngrade { }\nupgrade { }"   | 4    | 'upgrade { } is declared twice'
        'no block'             | "\nrevision 'a1'\nmessage 'nothing'"                       | 2    | 'declares no upgrade { } or change { } block'
        'downgrade only'       | "revision 'a1'\n\ndowngrade { }"                           | 3    | 'downgrade { } needs an upgrade { } block too'
        'a header after a block' | "revision 'a1'\nchange { }\nmessage 'late'"              | 3    | 'message belongs in the header, before upgrade, downgrade or change'
        'a nested block'       | "revision 'a1'\nupgrade {\n  downgrade { }\n}"             | 3    | 'downgrade { } must be at the top level of the script, not inside a block'
        'a failing script'     | "revision 'a1'\nchange { }\nint[] a = []\nprintln a[3]"    | 4    | 'java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 0'
        'a failing block'      | "revision 'a1'\nupgrade {\n  sql 'X'\n  Integer.parseInt('x')\n}" | 4 | 'java.lang.NumberFormatException: For input string: "x"'
    }

    def "the header read without running must be what the script declares when run"() {
        given:
        def text = "revision 'a1'\ndownRevision 'b2'\nchange { }"
        def header = new HeaderReader().read(scripts.path(), "revision 'a1'\ndownRevision 'c3'\ntransactional false\nchange { }")

        when:
        new MigrationLoader(ScriptFixture.COMPILER).load(header, text)

        then:
        RetortException e = thrown()
        e.message == "${scripts.path()}:1: the header read without running the script differs from what running it" +
                " declares (downRevision read as [c3], declared as [b2]; transactional read as false, declared as true):" +
                " keep the header literal, at the top of the file"
    }
}
