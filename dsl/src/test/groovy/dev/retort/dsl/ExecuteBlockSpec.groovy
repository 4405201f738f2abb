package dev.retort.dsl

import dev.retort.operation.ExecuteJdbc
import dev.retort.operation.SourceLocation
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/** execute { } blocks run later, on the migration's connection, through a groovy.sql.Sql that leaves it open. */
class ExecuteBlockSpec extends Specification {

    @TempDir
    Path dir

    @AutoCleanup
    Connection connection = DriverManager.getConnection('jdbc:h2:mem:')

    def "the block runs when its work runs, on the given connection, which stays open"() {
        given:
        def scripts = new ScriptFixture(dir)
        def migration = scripts.load('''\
            revision 'a1'
            upgrade {
                execute('seed books') { Sql sql ->
                    sql.execute('CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(50))')
                    ['Dune', 'Emma'].eachWithIndex { String title, int i ->
                        sql.executeInsert('INSERT INTO books (id, title) VALUES (?, ?)', [i + 1, title])
                    }
                }
                execute { sql ->
                    sql.executeUpdate("UPDATE books SET title = UPPER(title) WHERE id = ${2}")
                    assert sql.firstRow('SELECT COUNT(*) AS n FROM books').n == 2
                }
            }
            downgrade { }'''.stripIndent())
        def works = migration.upgrade().collect { it as ExecuteJdbc }

        expect: 'loading ran nothing'
        !connection.metaData.getTables(null, null, 'BOOKS', null).next()
        works*.description() == ['seed books', 'execute { } block']
        works*.location() == [new SourceLocation(scripts.path(), 3), new SourceLocation(scripts.path(), 9)]

        when:
        works.each { it.work().run(connection) }

        then:
        !connection.closed
        rows('SELECT id, title FROM books ORDER BY id') == [[1, 'Dune'], [2, 'EMMA']]
    }

    def "a failure inside the block propagates to whoever runs the work, with the script line in its stack"() {
        given:
        def scripts = new ScriptFixture(dir)
        def work = (scripts.load('''\
            revision 'a1'
            upgrade {
                execute { sql ->
                    sql.execute('SELECT * FROM missing')
                }
            }'''.stripIndent()).upgrade()[0] as ExecuteJdbc).work()

        when:
        work.run(connection)

        then:
        java.sql.SQLException e = thrown()
        new SourceLocator(scripts.path(), 'a1_test').of(e) == new SourceLocation(scripts.path(), 4)
        !connection.closed
    }

    private List<List<Object>> rows(String query) {
        dev.retort.testsupport.QueryRows.of(connection, query)
    }
}
