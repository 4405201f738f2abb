package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Broken scripts, graphs, targets, databases and version tables. For each: the exit code of its kind, one line on
 * stderr that names the cause (file:line[:column], the revisions, the masked URL, the statement), no stack trace
 * unless {@code --debug}, and the database as it was.
 * <p>
 * Every case starts from a project at {@code aaaa1111} (table {@code t_aaaa1111}); the broken file is
 * {@code bbbb1111.groovy}, a child of it.
 */
class BadInputSpec extends Specification {

    static final String A = 'aaaa1111'

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp)
        cli.revision(A)
    }

    void startAtA(DatabaseEngine engine = DatabaseEngine.H2) {
        cli.on(engine)
        CliResult result = cli.run('upgrade', 'head')
        assert result.exit == 0: result
        assert cli.versionRows() == [A]
    }

    void unchanged() {
        assert cli.versionRows() == [A]
        assert cli.userTables() == ["t_$A".toString()]
        assert cli.columns("t_$A") == ['id']
    }

    String file(String name) {
        cli.migrations.resolve(name).toString()
    }

    def "#what: exit #exit, the cause named, the database untouched"() {
        given:
        startAtA()
        scripts.each { name, text -> cli.script(name, text) }

        when:
        CliResult result = cli.run('upgrade', 'head')

        then:
        result.exit == exit
        String error = result.error
        mentions.every { error.contains(it.replace('FILE(', '').replace('@', cli.migrations.toString() + '/')) }
        !result.hasStackTrace
        result.out == ''
        unchanged()

        where:
        what << ['a syntax error', 'a misspelled DSL method', 'no revision declared', 'a duplicate revision id',
                 'an unknown downRevision', 'a cycle', 'an irreversible operation in change { }']
        exit << [4, 4, 4, 5, 5, 5, 4]
        scripts << [
                ['bbbb1111.groovy': '''\
                    revision 'bbbb1111'
                    downRevision 'aaaa1111'
                    message 'b'

                    change {
                        createTable('t2') {
                            column('id', BIGINT) { primaryKey() }
                        }
                        addColumn('t_aaaa1111', 'x, VARCHAR(20))
                    }
                    '''],
                ['bbbb1111.groovy': '''\
                    revision 'bbbb1111'
                    downRevision 'aaaa1111'
                    message 'b'

                    change {
                        creatTable('t2') {
                            column('id', BIGINT) { primaryKey() }
                        }
                    }
                    '''],
                ['bbbb1111.groovy': '''\
                    downRevision 'aaaa1111'
                    message 'b'

                    change {
                        createTable('t2') { column('id', BIGINT) { primaryKey() } }
                    }
                    '''],
                ['bbbb1111.groovy': '''\
                    revision 'aaaa1111'
                    message 'the same id again'

                    change {
                        createTable('t2') { column('id', BIGINT) { primaryKey() } }
                    }
                    '''],
                ['bbbb1111.groovy': '''\
                    revision 'bbbb1111'
                    downRevision 'zzzz9999'
                    message 'b'

                    change {
                        createTable('t2') { column('id', BIGINT) { primaryKey() } }
                    }
                    '''],
                ['cccc1111.groovy': '''\
                    revision 'cccc1111'
                    downRevision 'dddd1111'
                    message 'c'
                    ''',
                 'dddd1111.groovy': '''\
                    revision 'dddd1111'
                    downRevision 'cccc1111'
                    message 'd'
                    '''],
                ['bbbb1111.groovy': '''\
                    revision 'bbbb1111'
                    downRevision 'aaaa1111'
                    message 'b'

                    change {
                        dropTable('t_aaaa1111')
                    }
                    ''']]
        mentions << [
                ['@bbbb1111.groovy:9:'],
                ['@bbbb1111.groovy:6:5: ', 'creatTable'],
                ['@bbbb1111.groovy:', 'no revision declared'],
                ["Revision $A is present more than once", '@aaaa1111.groovy', '@bbbb1111.groovy'],
                ['zzzz9999', 'bbbb1111', '@bbbb1111.groovy'],
                ['Cycle is detected in revisions (cccc1111, dddd1111)', '@cccc1111.groovy', '@dddd1111.groovy'],
                ['@bbbb1111.groovy:6: ', 'dropTable t_aaaa1111 cannot be reversed', 'upgrade { } and downgrade { }']]
    }

    def "several broken scripts: one line each, and every line of the message marked as the error"() {
        given:
        startAtA()
        cli.script('bbbb1111.groovy', "downRevision 'aaaa1111'\nmessage 'b'\n")
        cli.script('cccc1111.groovy', "downRevision 'aaaa1111'\nmessage 'c'\n")

        when:
        CliResult result = cli.run('upgrade', 'head')

        then:
        result.exit == 4
        result.errLines.size() == 2
        result.errLines.every { it.startsWith('error: ') }
        List<String> lines = result.errorMessageLines
        lines[0].startsWith(file('bbbb1111.groovy') + ':')
        lines[1].startsWith(file('cccc1111.groovy') + ':')
        lines.every { it.contains('no revision declared') }
        !result.hasStackTrace
        result.out == ''
        unchanged()
    }

    def "graph errors stop the commands that need no database too: #command"() {
        given:
        cli.script('bbbb1111.groovy', "revision 'bbbb1111'\ndownRevision 'zzzz9999'\nchange { }\n")

        when:
        CliResult result = cli.run(command)

        then:
        result.exit == 5
        result.error.contains('zzzz9999')
        !result.hasStackTrace

        where:
        command << ['heads', 'history', 'branches']
    }

    def "an unknown target or an ambiguous prefix is exit 6, naming the candidates"() {
        given:
        startAtA()
        cli.revision('aaaa2222', down: A)
        cli.revision('aaaa3333', down: 'aaaa2222')

        when:
        CliResult unknown = cli.run('upgrade', 'zzzz')
        CliResult tooShort = cli.run('upgrade', 'zz')
        CliResult ambiguous = cli.run('upgrade', 'aaaa')
        CliResult unknownDown = cli.run('downgrade', 'nope@base')

        then:
        unknown.exit == 6
        unknown.error.contains("No such revision or branch 'zzzz'")
        tooShort.exit == 6
        tooShort.error.contains('at least four characters')
        ambiguous.exit == 6
        ambiguous.error.startsWith("Multiple revisions start with 'aaaa'")
        ['aaaa1111', 'aaaa2222', 'aaaa3333'].every { ambiguous.error.contains(it) }
        unknownDown.exit == 6
        unknownDown.error.contains('nope')
        [unknown, tooShort, ambiguous, unknownDown].every { !it.hasStackTrace }
        unchanged()
    }

    def "an unreachable database is exit 7, with the URL shown and its password masked"() {
        given:
        cli.properties(url: 'jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=Sesame4711', connect_timeout: '0s')

        when:
        CliResult result = cli.run('upgrade', 'head')

        then:
        result.exit == 7
        result.error.startsWith('cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=****: ')
        result.error.contains('refused')
        !result.err.contains('Sesame4711')
        !result.hasStackTrace
    }

    def "a database that refuses connections is retried until the connect timeout, and the wait is announced"() {
        when:
        long started = System.nanoTime()
        CliResult result = cli.run('--url', 'jdbc:postgresql://127.0.0.1:1/nowhere', '--connect-timeout', '1500ms',
                'upgrade', 'head')
        long millis = (System.nanoTime() - started).intdiv(1_000_000)

        then:
        result.exit == 7
        result.err.contains('Cannot connect yet (Connection to 127.0.0.1:1 refused')
        result.err.contains('retrying for up to 1500ms (--connect-timeout)')
        result.error.startsWith('cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere: ')
        millis >= 1_000
    }

    def "a failure that waiting cannot fix is not retried: #what"() {
        when:
        CliResult result = cli.run('--url', url, '--user', 'postgres', '--connect-timeout', '1m', 'upgrade', 'head')

        then:
        result.exit == 7
        !result.err.contains('Cannot connect yet')
        result.error.contains(reason)

        where:
        what               | url                                                   | reason
        'unknown database' | 'jdbc:postgresql://127.0.0.1:5432/no_such_database_x' | 'does not exist'
        'no driver'        | 'jdbc:nosuchdriver:x'                                  | 'No suitable driver'
    }

    static final String FAILING = '''\
        revision 'bbbb1111'
        downRevision 'aaaa1111'
        message 'b'

        upgrade {
            createTable('t2') {
                column('id', BIGINT) { primaryKey() }
            }
            addColumn('t_aaaa1111', 'name', VARCHAR(20))
            sql 'INSERT INTO no_such_table VALUES (1)'
            createTable('t3') { column('id', BIGINT) { primaryKey() } }
        }

        downgrade {
            dropTable('t2')
        }
        '''

    def "a statement failing on PostgreSQL: exit 8, everything named, the step rolled back"() {
        given:
        startAtA(DatabaseEngine.POSTGRESQL)
        cli.script('bbbb1111.groovy', FAILING)

        when:
        CliResult result = cli.run('upgrade', 'head')

        then: 'the revision, file:line, the operation, the database error and the statement'
        result.exit == 8
        String error = result.error
        error.startsWith("upgrade $A -> bbbb1111 failed at ${file('bbbb1111.groovy')}:10 ")
        error.contains('relation "no_such_table" does not exist')
        error.contains('[SQL: INSERT INTO no_such_table VALUES (1)]')
        error.endsWith("The migration was rolled back; the database is at $A")
        !result.hasStackTrace

        and: 'nothing of the step is left'
        unchanged()
    }

    def "a statement failing on H2: exit 8, and the message says which statements stayed applied"() {
        given:
        startAtA()
        cli.script('bbbb1111.groovy', FAILING)

        when:
        CliResult result = cli.run('upgrade', 'head')

        then:
        result.exit == 8
        String error = result.error
        error.startsWith("upgrade $A -> bbbb1111 failed at ${file('bbbb1111.groovy')}:10 ")
        error.contains('no_such_table'.toUpperCase())
        error.contains('could not be rolled back')
        error.contains("createTable t2 at ${file('bbbb1111.groovy')}:6")
        error.contains("addColumn t_aaaa1111.name at ${file('bbbb1111.groovy')}:9")
        !error.contains('t3')
        error.endsWith("the version table still says $A. Inspect the database, then settle it with 'retort resolve bbbb1111 --applied' or '--undone'")
        !result.hasStackTrace

        and: 'what the message says is what the database has'
        cli.versionRows() == [A]
        cli.userTables() == ['t2', "t_$A".toString()]
        cli.columns("t_$A") == ['id', 'name']
    }

    def "a version table row no script defines is exit 9 for every command that reads it: #command"() {
        given:
        startAtA()
        cli.connect().withCloseable { it.createStatement().execute("UPDATE retort_version SET version_num = 'cafe0000'") }

        when:
        CliResult result = cli.run(*command)

        then:
        result.exit == 9
        result.error.startsWith("the version table holds revision 'cafe0000', which no migration script defines")
        result.error.endsWith("or rewrite the table with 'retort stamp --purge'")
        !result.hasStackTrace
        cli.versionRows() == ['cafe0000']
        cli.userTables() == ["t_$A".toString()]

        where:
        command << [['current'], ['upgrade', 'head'], ['downgrade', 'base'], ['history', '-i'], ['show', 'current'],
                    ['current', '--check-heads']]
    }

    def "--debug adds the stack trace to the one-line message"() {
        given:
        startAtA()

        when:
        CliResult result = cli.run('--debug', 'upgrade', 'zzzz')

        then:
        result.exit == 6
        result.errLines[0] == "error: No such revision or branch 'zzzz'"
        result.hasStackTrace
    }
}
