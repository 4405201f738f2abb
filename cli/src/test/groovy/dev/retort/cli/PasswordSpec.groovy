package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import picocli.CommandLine
import picocli.CommandLine.Command
import picocli.CommandLine.ParentCommand
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CompletableFuture

/**
 * The password never appears in anything the command line prints: whether it comes from {@code --password},
 * {@code RETORT_PASSWORD}, {@code retort.properties} or the URL itself; on success and on every kind of failure;
 * with {@code --debug} (stack traces, and the libraries' debug logging in a real process); and on the error
 * handler's internal-error path.
 * <p>
 * PostgreSQL's test server trusts local connections, so any password logs in; an H2 file database is created with
 * the password and needs it afterwards.
 */
class PasswordSpec extends Specification {

    /** With a colon: masking must not stop at it, as it may in a message ('url: reason'). */
    static final String PW = 'Open-Sesame:4711'
    static final String A = 'aaaa1111'
    static final String FAILING = '''\
        revision 'bbbb1111'
        downRevision 'aaaa1111'
        message 'b'

        upgrade {
            createTable('t2') { column('id', BIGINT) { primaryKey() } }
            sql 'INSERT INTO no_such_table VALUES (1)'
        }
        '''

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp)
        cli.revision(A)
    }

    /** Sets the password through one source; returns the flags to pass (for the flag source). */
    static List<String> passwordFrom(CliFixture cli, String source, String separator) {
        switch (source) {
            case 'flag': return ['--password', PW]
            case 'env': cli.env.RETORT_PASSWORD = PW; return []
            case 'file': cli.properties(password: PW); return []
            case 'url': cli.properties(url: cli.properties.url + separator + 'password=' + PW); return []
        }
        throw new IllegalArgumentException(source)
    }

    static void assertNoPassword(List<CliResult> results, String password = PW) {
        results.each { assert !(it.out + it.err).contains(password): "the password shows in:\n$it" }
    }

    def "PostgreSQL, password from the #source: succeeding and failing commands never show it"() {
        given:
        cli.on(DatabaseEngine.POSTGRESQL)
        List<String> flags = passwordFrom(cli, source, '&')

        when:
        List<CliResult> ok = [cli.run(*flags, 'upgrade', 'head'), cli.run(*flags, 'current'),
                              cli.run(*flags, 'history', '-i'), cli.run(*flags, 'upgrade', '--sql')]
        cli.script('bbbb1111.groovy', FAILING)
        List<CliResult> failed = [cli.run(*flags, 'upgrade', 'zzzz'), cli.run(*flags, 'upgrade', 'head'),
                                  cli.run(*flags, '--debug', 'upgrade', 'head'), cli.run(*flags, '--url', 'h2:nope', 'current')]

        then:
        ok*.exit == [0, 0, 0, 0]
        failed*.exit == [6, 8, 8, 3]
        failed[2].hasStackTrace
        assertNoPassword(ok + failed)

        where:
        source << ['flag', 'env', 'file', 'url']
    }

    def "H2, password from the #source: the file database is created with it, and it never shows"() {
        given: 'H2 takes the password in the URL as ;PASSWORD='
        cli.on(DatabaseEngine.H2)
        cli.password = PW
        List<String> flags = passwordFrom(cli, source, ';')

        when:
        List<CliResult> ok = [cli.run(*flags, 'upgrade', 'head'), cli.run(*flags, 'current')]
        cli.script('bbbb1111.groovy', FAILING)
        List<CliResult> failed = [cli.run(*flags, 'upgrade', 'head'), cli.run(*flags, '--debug', 'downgrade', 'zzzz')]

        then:
        ok*.exit == [0, 0]
        cli.versionRows() == [A]
        failed*.exit == [8, 6]
        assertNoPassword(ok + failed)

        where:
        source << ['flag', 'env', 'file', 'url']
    }

    /** A command that fails the way a bug would: with an exception that is not a RetortException. */
    @Command(name = 'explode')
    static class Explode implements Callable<Integer> {
        @ParentCommand
        RetortCommand root

        @Override
        Integer call() {
            // like every command, open the project first: its settings are where the password may come from
            root.openProject(new PrintWriter(Writer.nullWriter()))
            throw new IllegalStateException("lost the pool for jdbc:postgresql://db/shop?user=app&password=$PW"
                    + " after the server rejected $PW")
        }
    }

    CliResult explode(List<String> args) {
        CommandLine commandLine = RetortCommand.commandLine(cli.env)
        commandLine.addSubcommand(new CommandLine(new Explode()))
        CliFixture.execute(commandLine, ['-C', cli.project.toString()] + args + ['explode'])
    }

    def "the internal-error path masks the password, with and without --debug (#source)"() {
        given:
        cli.properties(url: 'jdbc:postgresql://127.0.0.1:1/nowhere')
        List<String> flags = passwordFrom(cli, source, '?')

        when:
        CliResult plain = explode(flags)
        CliResult debug = explode(flags + ['--debug'])

        then:
        plain.exit == 70
        plain.errLines == ['internal error: java.lang.IllegalStateException: lost the pool for jdbc:postgresql://db/shop'
                                   + '?user=app&password=**** after the server rejected **** (run with --debug for the stack trace)']
        debug.exit == 70
        debug.hasStackTrace
        assertNoPassword([plain, debug])

        where:
        source << ['flag', 'env', 'file', 'url']
    }

    def "in a real process with --debug, the libraries' debug logging does not show the password either"() {
        given: 'four projects, run at the same time'
        CliFixture h2 = new CliFixture(tmp.resolve('h2')).tap { revision(A) }
        h2.properties(url: CliFixture.H2_URL + ";USER=sa;PASSWORD=$PW")
        CliFixture postgres = new CliFixture(tmp.resolve('pg')).tap { revision(A) }.on(DatabaseEngine.POSTGRESQL)
        postgres.env.RETORT_PASSWORD = PW
        CliFixture unreachable = new CliFixture(tmp.resolve('nowhere')).tap { revision(A) }
        unreachable.properties(url: "jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=$PW")

        and: 'an H2 database made with the password, then asked for with a wrong one'
        CliFixture wrong = new CliFixture(tmp.resolve('wrong')).tap { revision(A) }.on(DatabaseEngine.H2)
        assert wrong.run('--password', PW, 'upgrade', 'head').exit == 0

        when:
        List<CompletableFuture<CliResult>> runs = [
                CompletableFuture.supplyAsync { h2.process('--debug', 'upgrade', 'head') },
                CompletableFuture.supplyAsync { postgres.process('--debug', 'upgrade', 'head') },
                CompletableFuture.supplyAsync { unreachable.process('--debug', 'current') },
                CompletableFuture.supplyAsync { wrong.process('--password', 'Wrong-Guess_0815', '--debug', 'current') }]
        List<CliResult> results = runs*.join()

        then:
        results*.exit == [0, 0, 7, 7]
        results[0].err.contains('DEBUG')
        results[2].hasStackTrace
        results[3].errLines.find { it.startsWith('error: ') }
                .startsWith("error: cannot connect to jdbc:h2:file:${wrong.project}/db/x: Wrong user name or password")
        assertNoPassword(results)
        assertNoPassword(results, 'Wrong-Guess_0815')

        cleanup:
        [h2, postgres, unreachable, wrong]*.close()
    }
}
