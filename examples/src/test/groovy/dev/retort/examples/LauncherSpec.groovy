package dev.retort.examples

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The {@code retort} launcher at the top of the repository, as the README's quick start runs it: it uses the CLI
 * jar the build made, records a class-data archive on its first run and maps it on later ones, and passes exit
 * codes and output through unchanged either way.
 */
class LauncherSpec extends Specification {

    static final Path ROOT = Path.of(System.getProperty('basedir', '.')).toAbsolutePath().parent
    static final Path ARCHIVE = ROOT.resolve('cli/target/retort.jsa')

    @TempDir
    Path dir

    Map run(String... args) {
        def command = [ROOT.resolve('retort').toString(), '--url', "jdbc:h2:file:${dir.resolve('db')}".toString(),
                       '--migrations', ROOT.resolve('examples/bookstore/migrations').toString()] + args.toList()
        def builder = new ProcessBuilder(command).directory(dir.toFile())
        builder.environment().remove('RETORT_JAVA_OPTS')
        def process = builder.start()
        def out = new StringBuilder()
        def err = new StringBuilder()
        process.consumeProcessOutput(out, err)
        assert process.waitFor(180, TimeUnit.SECONDS): 'the launcher did not finish'
        process.waitForProcessOutput()
        [exit: process.exitValue(), out: out.toString(), err: err.toString()]
    }

    def "the first run records the archive, later runs use it, and both behave like the jar"() {
        given:
        Files.deleteIfExists(ARCHIVE)

        when:
        def first = run('upgrade', 'head')

        then:
        first.exit == 0
        first.out.contains('Upgraded to 708192a3b4c5 (7 revisions')
        Files.size(ARCHIVE) > 0

        when:
        def second = run('current')
        def failing = run('downgrade', 'no_such_revision')

        then: 'the same output, and nothing from the JVM about the archive'
        second.exit == 0
        second.out == '708192a3b4c5 (head)\n'
        second.err == ''
        failing.exit == 6
        failing.err.startsWith("error: No such revision or branch 'no_such_revision'")
    }
}
