package dev.retort.cli

import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.CompletableFuture

/**
 * The command line as a real process, through {@code main}: exit codes reach the shell through
 * {@code System.exit}, stdout and stderr are flushed before it, results and progress stay on their own streams, and
 * the project folder defaults to the working directory. Runs that do not share the H2 file start together.
 */
class MainProcessSpec extends Specification {

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp).withBookstore()
        cli.properties(url: CliFixture.H2_URL, user: 'sa')
    }

    /** Starts every run at once and waits for all of them. */
    List<CliResult> together(List<List<String>> runs) {
        runs.collect { args -> CompletableFuture.supplyAsync { cli.process(*args) } }*.join()
    }

    def "exit codes, output and the working directory as the project folder"() {
        when: 'no -C: the project is the working directory, and ${projectDir} resolves to it'
        def (version, usage, sql, upgrade) = together([
                ['--version'],
                ['upgrade', '--frobnicate'],
                ['--dialect', 'postgresql', 'upgrade', '--sql'],
                ['upgrade', 'head']])

        then:
        version.exit == 0
        version.out.startsWith('retort ')

        and: 'a usage error: exit 2, the mistake on stderr, nothing on stdout'
        usage.exit == 2
        usage.errLines[0] == "Unknown option: '--frobnicate'"
        usage.out == ''

        and: 'a long script arrives whole: flushed before the process ends'
        sql.exit == 0
        sql.out == cli.run('--dialect', 'postgresql', 'upgrade', '--sql').out.replace(
                cli.project.toString(), cli.project.toRealPath().toString())
        sql.out.endsWith('COMMIT;\n\n')

        and: 'the result on stdout, progress on stderr, the database in the project folder'
        upgrade.exit == 0
        upgrade.outLines.size() == 1
        upgrade.out.startsWith('Upgraded to 708192a3b4c5 (7 revisions in ')
        upgrade.errLines.size() == 7
        upgrade.errLines.every { it.startsWith('Running upgrade ') }
        cli.h2FileExists

        when:
        def (current, range) = together([['current'], ['history', '-r', '4d5e:2b3c']])

        then:
        current.exit == 0
        current.out == '708192a3b4c5 (head)\n'
        current.err == ''

        and: 'a failure: its exit code, one line on stderr, nothing on stdout'
        range.exit == 6
        range.out == ''
        range.err == 'error: Requested range 4d5e:2b3c does not refer to ancestor/descendant revisions along the same branch\n'
    }

    def "an H2 file another process has open is waited for, up to the connect timeout, and the wait is announced"() {
        given: 'this JVM holds the H2 file open, so a child process is refused it'
        def holder = java.sql.DriverManager.getConnection(cli.jdbcUrl, 'sa', '')

        when: 'no waiting allowed'
        def refused = cli.process('--connect-timeout', '0s', 'upgrade', 'head')

        then:
        refused.exit == 7
        refused.error.startsWith('cannot connect to ')
        !refused.err.contains('Cannot connect yet')

        when: 'the holder lets go after a second and a half, while the child keeps trying'
        def release = CompletableFuture.runAsync { Thread.sleep(1_500); holder.close() }
        def waited = cli.process('--connect-timeout', '30s', 'upgrade', 'head')
        release.join()

        then:
        waited.exit == 0
        waited.err.startsWith('Cannot connect yet (')
        waited.err.contains('retrying for up to 30s (--connect-timeout)')
        waited.out.startsWith('Upgraded to 708192a3b4c5 (7 revisions in ')

        cleanup:
        holder?.close()
    }
}
