package dev.retort.dsl

import dev.retort.api.RetortException
import dev.retort.operation.*
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

import static dev.retort.operation.ColumnType.Kind

/** Each DSL call of an upgrade block, and the operation records it makes. Scripts start at line 3 (after the header). */
class OperationDslSpec extends Specification {

    @TempDir
    Path dir
    ScriptFixture scripts

    def setup() {
        scripts = new ScriptFixture(dir)
    }

    List<Operation> upgrade(String body) {
        scripts.load("revision 'a1'\nupgrade {\n" + body.stripIndent() + "\n}\ndowngrade { }\n").upgrade()
    }

    SourceLocation at(int line) {
        new SourceLocation(scripts.path(), line)
    }

    def "createTable with columns, column options, table constraints and indexes"() {
        when:
        def ops = upgrade('''\
            createTable('books') {
                column('id', BIGINT) { primaryKey(); autoIncrement() }
                column('title', VARCHAR(200)) { notNull(); unique() }
                column('price', DECIMAL(10, 2)) { defaultValue 0 }
                column('created', TIMESTAMP_TZ) { defaultExpression 'CURRENT_TIMESTAMP' }
                column('author_id', BIGINT) { references 'authors', 'id', onDelete: CASCADE }
                column('editor_id', BIGINT) { references 'people', 'id' }
                column('code', CHAR(3))
                unique 'title', 'code'
                unique 'code', name: 'uq_code'
                check 'price >= 0'
                check 'ck_code', "code <> ''"
                foreignKey 'editor_id', references: 'people', columns: ['id'], onUpdate: SET_NULL
                index 'title'
                index 'created', 'code', name: 'ix_recent', unique: true, where: 'code IS NOT NULL'
            }''')

        then:
        ops == [
                new CreateTable('books', [
                        new ColumnDefinition('id', ColumnType.of(Kind.BIGINT), false, true, false, null, true, null),
                        new ColumnDefinition('title', ColumnType.varchar(200), false, false, true, null, false, null),
                        new ColumnDefinition('price', ColumnType.decimal(10, 2), true, false, false, new SqlValue.Literal(0), false, null),
                        new ColumnDefinition('created', ColumnType.of(Kind.TIMESTAMP_TZ), true, false, false, new SqlValue.Expression('CURRENT_TIMESTAMP'), false, null),
                        new ColumnDefinition('author_id', ColumnType.of(Kind.BIGINT), true, false, false, null, false,
                                new ForeignKeyReference('authors', ['id'], ReferentialAction.CASCADE, null)),
                        new ColumnDefinition('editor_id', ColumnType.of(Kind.BIGINT), true, false, false, null, false,
                                new ForeignKeyReference('people', ['id'], null, null)),
                        ColumnDefinition.of('code', ColumnType.character(3)),
                ], [
                        new TableConstraint.Unique('uq_books_title_code', ['title', 'code']),
                        new TableConstraint.Unique('uq_code', ['code']),
                        new TableConstraint.Check('ck_books_price____0', 'price >= 0'),
                        new TableConstraint.Check('ck_code', "code <> ''"),
                        new TableConstraint.ForeignKey('fk_books_editor_id', ['editor_id'],
                                new ForeignKeyReference('people', ['id'], null, ReferentialAction.SET_NULL)),
                ], at(3)),
                new CreateIndex('ix_books_title', 'books', ['title'], false, null, at(3)),
                new CreateIndex('ix_recent', 'books', ['created', 'code'], true, 'code IS NOT NULL', at(3)),
        ]
    }

    def "a composite primary key is declared on the table and named pk_<table>_<columns>"() {
        expect:
        upgrade('''\
            createTable('tags') {
                column('tenant', INTEGER)
                column('id', INTEGER)
                primaryKey 'tenant', 'id'
            }''')[0].constraints() == [new TableConstraint.PrimaryKey('pk_tags_tenant_id', ['tenant', 'id'])]
    }

    def "the type vocabulary: #dsl"() {
        expect:
        (upgrade("addColumn 't', 'c', $dsl")[0] as AddColumn).column().type() == type

        where:
        dsl                | type
        'SMALLINT'         | ColumnType.of(Kind.SMALLINT)
        'INTEGER'          | ColumnType.of(Kind.INTEGER)
        'BIGINT'           | ColumnType.of(Kind.BIGINT)
        'BOOLEAN'          | ColumnType.of(Kind.BOOLEAN)
        'REAL'             | ColumnType.of(Kind.REAL)
        'DOUBLE'           | ColumnType.of(Kind.DOUBLE)
        'TEXT'             | ColumnType.of(Kind.TEXT)
        'DATE'             | ColumnType.of(Kind.DATE)
        'TIME'             | ColumnType.of(Kind.TIME)
        'TIMESTAMP'        | ColumnType.of(Kind.TIMESTAMP)
        'TIMESTAMP_TZ'     | ColumnType.of(Kind.TIMESTAMP_TZ)
        'UUID'             | ColumnType.of(Kind.UUID)
        'JSON'             | ColumnType.of(Kind.JSON)
        'BINARY'           | ColumnType.of(Kind.BINARY)
        'VARCHAR(20)'      | ColumnType.varchar(20)
        'CHAR(2)'          | ColumnType.character(2)
        'DECIMAL(12, 2)'   | ColumnType.decimal(12, 2)
        "raw('tsvector')"  | ColumnType.raw('tsvector')
    }

    def "UUID is the column type in every call that takes one"() {
        expect:
        upgrade("""\
            dropColumn 't', 'c', UUID
            alterColumn('t', 'c') { type UUID; previous { type UUID } }
            createTable('t') { column 'c', UUID }""")*.toString().every { !it.contains('class java.util.UUID') }
        (upgrade("alterColumn('t', 'c') { type UUID; previous { type TEXT } }")[0] as AlterColumn).type() == ColumnType.of(Kind.UUID)
    }

    def "UUID is still java.util.UUID where no column type is expected"() {
        expect:
        (upgrade("insert 't', [[id: UUID.fromString('00000000-0000-0000-0000-000000000001')]]")[0] as InsertRows)
                .rows()[0][0] == new SqlValue.Literal(java.util.UUID.fromString('00000000-0000-0000-0000-000000000001'))
    }

    def "#dsl"() {
        expect:
        upgrade(dsl) == [expected(at(3))]

        where:
        dsl                                                      | expected
        "dropTable 'books'"                                      | { l -> new DropTable('books', null, l) }
        "renameTable 'a', 'b'"                                   | { l -> new RenameTable('a', 'b', l) }
        "addColumn 'books', 'isbn', VARCHAR(13)"                 | { l -> new AddColumn('books', ColumnDefinition.of('isbn', ColumnType.varchar(13)), l) }
        "addColumn('books', 'n', INTEGER) { notNull(); defaultValue 1 }" | { l -> new AddColumn('books', new ColumnDefinition('n', ColumnType.of(Kind.INTEGER), false, false, false, new SqlValue.Literal(1), false, null), l) }
        "dropColumn 'books', 'isbn'"                             | { l -> new DropColumn('books', 'isbn', null, l) }
        "dropColumn 'books', 'isbn', VARCHAR(13)"                | { l -> new DropColumn('books', 'isbn', ColumnDefinition.of('isbn', ColumnType.varchar(13)), l) }
        "dropColumn('books', 'n', INTEGER) { notNull() }"        | { l -> new DropColumn('books', 'n', new ColumnDefinition('n', ColumnType.of(Kind.INTEGER), false, false, false, null, false, null), l) }
        "renameColumn 'books', 'a', 'b'"                         | { l -> new RenameColumn('books', 'a', 'b', l) }
        "createIndex 'ix_t', 'books', 'title', 'year'"           | { l -> new CreateIndex('ix_t', 'books', ['title', 'year'], false, null, l) }
        "createIndex 'ix_t', 'books', 'title', unique: true, where: 'year > 2000'" | { l -> new CreateIndex('ix_t', 'books', ['title'], true, 'year > 2000', l) }
        "dropIndex 'ix_t'"                                       | { l -> new DropIndex('ix_t', null, null, l) }
        "dropIndex 'ix_t', 'books'"                              | { l -> new DropIndex('ix_t', 'books', null, l) }
        "dropIndex 'ix_t', 'books', 'title', unique: true"       | { l -> new DropIndex('ix_t', 'books', new CreateIndex('ix_t', 'books', ['title'], true, null, l), l) }
        "addPrimaryKey 'books', 'id'"                            | { l -> new AddConstraint('books', new TableConstraint.PrimaryKey('pk_books_id', ['id']), l) }
        "addPrimaryKey 'books', 'id', name: 'books_pk'"          | { l -> new AddConstraint('books', new TableConstraint.PrimaryKey('books_pk', ['id']), l) }
        "addUniqueConstraint 'books', 'isbn'"                    | { l -> new AddConstraint('books', new TableConstraint.Unique('uq_books_isbn', ['isbn']), l) }
        "addUniqueConstraint 'books', 'a', 'b', name: 'uq_ab'"   | { l -> new AddConstraint('books', new TableConstraint.Unique('uq_ab', ['a', 'b']), l) }
        "addCheckConstraint 'books', 'ck_price', 'price > 0'"    | { l -> new AddConstraint('books', new TableConstraint.Check('ck_price', 'price > 0'), l) }
        "addCheckConstraint 'books', 'price > 0'"                | { l -> new AddConstraint('books', new TableConstraint.Check('ck_books_price___0', 'price > 0'), l) }
        "addForeignKey 'books', 'author_id', references: 'authors', columns: ['id'], onDelete: CASCADE, onUpdate: RESTRICT" | { l -> new AddConstraint('books', new TableConstraint.ForeignKey('fk_books_author_id', ['author_id'], new ForeignKeyReference('authors', ['id'], ReferentialAction.CASCADE, ReferentialAction.RESTRICT)), l) }
        "addForeignKey 'b', 'x', 'y', references: 'a', columns: ['p', 'q'], name: 'fk_xy', onDelete: NO_ACTION" | { l -> new AddConstraint('b', new TableConstraint.ForeignKey('fk_xy', ['x', 'y'], new ForeignKeyReference('a', ['p', 'q'], ReferentialAction.NO_ACTION, null)), l) }
        "addForeignKey 'b', 'x', references: 'a', columns: ['p'], onDelete: SET_DEFAULT" | { l -> new AddConstraint('b', new TableConstraint.ForeignKey('fk_b_x', ['x'], new ForeignKeyReference('a', ['p'], ReferentialAction.SET_DEFAULT, null)), l) }
        "dropConstraint 'books', 'uq_books_isbn'"                | { l -> new DropConstraint('books', 'uq_books_isbn', null, l) }
        "createSequence 'seq'"                                   | { l -> new CreateSequence('seq', null, null, l) }
        "createSequence 'seq', 100, 5"                           | { l -> new CreateSequence('seq', 100L, 5L, l) }
        "dropSequence 'seq'"                                     | { l -> new DropSequence('seq', null, l) }
        "dropSequence 'seq', 1, 1"                               | { l -> new DropSequence('seq', new CreateSequence('seq', 1L, 1L, l), l) }
        "createView 'v', 'SELECT 1'"                             | { l -> new CreateView('v', 'SELECT 1', l) }
        "dropView 'v'"                                           | { l -> new DropView('v', null, l) }
        "dropView 'v', 'SELECT 1'"                               | { l -> new DropView('v', new CreateView('v', 'SELECT 1', l), l) }
        "sql 'VACUUM'"                                           | { l -> RawSql.of('VACUUM', l) }
        "sql 'CREATE EXTENSION x', reverse: 'DROP EXTENSION x'"  | { l -> new RawSql(['*': 'CREATE EXTENSION x'], RawSql.of('DROP EXTENSION x', l), l) }
        "sql postgresql: 'A', h2: 'B', any: 'C'"                 | { l -> new RawSql([postgresql: 'A', h2: 'B', '*': 'C'], null, l) }
        "sql(['*': 'A'])"                                        | { l -> new RawSql(['*': 'A'], null, l) }
        "sql([postgresql: 'A'], reverse: [postgresql: 'B'])"     | { l -> new RawSql([postgresql: 'A'], new RawSql([postgresql: 'B'], null, l), l) }
        "insert 'books', [[id: 1, title: 'a'], [id: 2, title: null]]" | { l -> new InsertRows('books', ['id', 'title'], [[lit(1), lit('a')], [lit(2), lit(null)]], l) }
        "update 'books', set: [price: 0, at: expression('now()')], where: [id: 3]" | { l -> new UpdateRows('books', [price: lit(0), at: new SqlValue.Expression('now()')], [id: lit(3)], l) }
        "update 'books', set: [price: 0], where: [:]"           | { l -> new UpdateRows('books', [price: lit(0)], [:], l) }
        "delete 'books', where: [id: 3, deleted: true]"          | { l -> new DeleteRows('books', [id: lit(3), deleted: lit(true)], l) }
        "delete 'books', where: [:]"                             | { l -> new DeleteRows('books', [:], l) }
    }

    def "alterColumn records the change and, in previous { }, what the column was"() {
        expect:
        upgrade('''\
            alterColumn('books', 'title') {
                type VARCHAR(300)
                nullable false
                defaultValue 'untitled'
                using 'title::varchar(300)'
                previous { type VARCHAR(200); nullable true; noDefault() }
            }
            alterColumn('books', 'price') { dropDefault() }
            alterColumn('books', 'at') { defaultExpression 'now()' }''') == [
                new AlterColumn('books', 'title', ColumnType.varchar(300), false, new AlterColumn.DefaultChange(lit('untitled')),
                        ColumnType.varchar(200), true, AlterColumn.DefaultChange.drop(), 'title::varchar(300)', at(3)),
                new AlterColumn('books', 'price', null, null, AlterColumn.DefaultChange.drop(), null, null, null, null, at(10)),
                new AlterColumn('books', 'at', null, null, new AlterColumn.DefaultChange(new SqlValue.Expression('now()')), null, null, null, null, at(11)),
        ]
    }

    def "dropTable with a definition records the table and its indexes, so that it can be re-created"() {
        expect:
        upgrade('''\
            dropTable('books') {
                column('id', BIGINT) { primaryKey() }
                index 'id', name: 'ix_id'
            }''') == [
                new DropIndex('ix_id', 'books', new CreateIndex('ix_id', 'books', ['id'], false, null, at(3)), at(3)),
                new DropTable('books', new CreateTable('books', [
                        new ColumnDefinition('id', ColumnType.of(Kind.BIGINT), false, true, false, null, false, null)], [], at(3)), at(3)),
        ]
    }

    def "each operation carries the line of the call that made it, also in nested blocks and multi-line calls"() {
        expect:
        upgrade('''\
            createTable('a') {
                column('id', INTEGER)
            }
            insert 'a', [
                [id: 1],
                [id: Integer.valueOf(2)],
            ]
            [1, 2].each { n ->
                sql "SELECT $n"
            }
            addColumn('a', 'b',
                      VARCHAR(Integer.parseInt('10'))) {
                notNull()
            }
            if (true) { renameTable 'a', 'b' }''')*.location() == [at(3), at(6), at(11), at(11), at(13), at(17)]
    }

    def "a bad call fails at its line: #dsl"() {
        when:
        upgrade(dsl)

        then:
        RetortException e = thrown()
        e.message == "${scripts.path()}:$line: $message"

        where:
        dsl                                                          | line | message
        "insert 'b', [[id: 1, a: 2],\n [id: 2, b: 3]]"               | 3    | 'insert into b: row 2 has columns [id, b] but row 1 has [id, a]; every row must name the same columns'
        "\ninsert 'b', []"                                           | 4    | 'insert into b needs at least one row'
        "createTable('b') { }"                                       | 3    | 'table b needs at least one column'
        "createTable('b') {\n column('a', INTEGER)\n column('a', TEXT) }" | 5 | 'table b already has a column a'
        "createTable('b') {\n column('a', INTEGER) { primaryKey() }\n primaryKey 'a' }" | 3 | "table b declares more than one primary key; for a key of several columns use primaryKey('a', 'b') once"
        "alterColumn('b', 'c') { using 'x' }"                        | 3    | 'alterColumn b.c changes nothing: give a type, nullable or a default'
        "addColumn('b', 'c', INTEGER) { defaultValue new Object() }" | 3    | 'cannot write a java.lang.Object as an SQL literal; use a String, number, boolean, date/time, UUID or byte[]'
        "addForeignKey 'b', 'x', references: 'a', columns: ['p', 'q']" | 3 | 'foreign key fk_b_x has 1 column(s) but references 2'
        "sql([h2: 'A'], reverse: 5)"                                 | 3    | 'sql reverse: takes SQL text or a map of dialect to SQL, got 5'
        "createIndex 'ix', 't'"                                      | 3    | 'at least one index column is required'
        "def opts = [where: 'x']\ndelete(opts, 't')"                 | 4    | 'delete from t: where: must be a Map, got String'
        "createSequence 's', 1, 0"                                   | 3    | 'sequence s cannot increment by 0'
        "\n\nupgrade { }"                                            | 5    | 'upgrade { } must be at the top level of the script, not inside a block'
        "revision 'b2'"                                              | 3    | 'revision belongs in the header, before upgrade, downgrade or change'
    }

    def "operations cannot be added once the block has run, for example from inside execute { }"() {
        given:
        def op = upgrade('''\
            execute { sql ->
                renameTable 'a', 'b'
            }''')[0] as ExecuteJdbc

        when:
        java.sql.DriverManager.getConnection('jdbc:h2:mem:').withCloseable { op.work().run(it) }

        then:
        IllegalStateException e = thrown()
        e.message.startsWith('this block has already run')
    }

    def "identity() in a column block marks an identity column, as the documented DSL spells it"() {
        when:
        def ops = upgrade('''\
            createTable('t') {
                column('id', BIGINT) { primaryKey(); identity() }
                column('n', INTEGER) { identity() }
            }
            addColumn('t', 'm', BIGINT) { identity() }''')

        then:
        (ops[0] as CreateTable).columns()*.identity() == [true, true]
        (ops[1] as AddColumn).column().identity()
    }

    def "no DSL method is shadowed by a method Groovy finds on the closure itself (as identity() would be)"() {
        given:
        def closure = { -> }
        def dslNames = [MigrationScript, OperationsSpec, DataOperationsSpec, TableSpec, ColumnSpec, AlterColumnSpec,
                        ColumnStateSpec].collectMany { type ->
            type.declaredMethods.findAll { java.lang.reflect.Modifier.isPublic(it.modifiers) }*.name
        } as Set

        expect:
        dslNames.findAll { closure.metaClass.respondsTo(closure, it) }.toList() == []
    }

    private static SqlValue lit(Object value) {
        new SqlValue.Literal(value)
    }
}
