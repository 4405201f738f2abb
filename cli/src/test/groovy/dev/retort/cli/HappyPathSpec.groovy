package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The everyday commands on a straight line of revisions, as a user types them: init, revision, upgrade, current,
 * history, heads, downgrade, relative and prefix targets, show, --version and --help. Output is checked against
 * Alembic's formats (current: {@code id (head)}; history: {@code parents -> id (head), message}, newest first).
 */
class HappyPathSpec extends Specification {

    static final List<String> BOOKSTORE = ['1a2b3c4d5e6f', '2b3c4d5e6f70', '3c4d5e6f7081', '4d5e6f708192',
                                           '5e6f708192a3', '6f708192a3b4', '708192a3b4c5']
    static final String HEAD = '708192a3b4c5'

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp)
    }

    def "init makes a project whose first revisions are written, applied and reported"() {
        when:
        CliResult init = cli.execute(['-C', tmp.toString(), 'init', 'shop'])
        Path shop = tmp.resolve('shop')

        then:
        init.exit == 0
        Files.isRegularFile(shop.resolve('retort.properties'))
        Files.isDirectory(shop.resolve('migrations'))
        init.out.contains(shop.resolve('retort.properties').toString())

        when: 'a second init in the same folder'
        CliResult again = cli.execute(['-C', tmp.toString(), 'init', 'shop'])

        then:
        again.exit == 3
        again.error.contains('already exists')

        when:
        CliResult first = cli.execute(['-C', shop.toString(), 'revision', '-m', 'create users'])

        then: 'a file named <12 hex>_<slug>.groovy, reported relative to the project'
        first.exit == 0
        def m1 = first.out.trim() =~ /^Generated migrations\/([0-9a-f]{12})_create_users\.groovy$/
        m1.matches()
        String id1 = m1.group(1)
        String text1 = Files.readString(shop.resolve("migrations/${id1}_create_users.groovy"))

        and: 'the header: the id, no parent (the first revision is a base), the message'
        text1.readLines()[0] ==~ /revision\s+'$id1'/
        !text1.contains('downRevision')
        text1 =~ /(?m)^message\s+'create users'$/

        when:
        CliResult second = cli.execute(['-C', shop.toString(), 'revision', '-m', 'add email'])
        String id2 = (second.out =~ /([0-9a-f]{12})_add_email\.groovy/)[0][1]
        Path file2 = shop.resolve("migrations/${id2}_add_email.groovy")

        then: 'its parent is the head'
        second.exit == 0
        id2 != id1
        Files.readString(file2) =~ /(?m)^downRevision\s+'$id1'$/

        when: 'the bodies are filled in and the project is upgraded'
        Path file1 = shop.resolve("migrations/${id1}_create_users.groovy")
        Files.writeString(file1, Files.readString(file1).replaceFirst(/(?s)upgrade \{.*/, '''\
            change {
                createTable('users') {
                    column('id', BIGINT) { primaryKey() }
                }
            }
            '''.stripIndent()))
        Files.writeString(file2, Files.readString(file2).replaceFirst(/(?s)upgrade \{.*/, '''\
            change {
                addColumn('users', 'email', VARCHAR(320))
            }
            '''.stripIndent()))
        CliResult upgrade = cli.execute(['-C', shop.toString(), 'upgrade', 'head'])
        CliResult current = cli.execute(['-C', shop.toString(), 'current'])

        then: 'the H2 file of the template lands in the project folder (${projectDir})'
        upgrade.exit == 0
        upgrade.out.startsWith("Upgraded to $id2 (2 revisions")
        Files.isRegularFile(shop.resolve('db/retort.mv.db'))
        current.exit == 0
        current.out == "$id2 (head)\n"
    }

    def "upgrade, current, heads and downgrade on #engine"() {
        given:
        cli.withBookstore().on(engine)

        when:
        CliResult upgrade = cli.run('upgrade', 'head')

        then: 'one result line on stdout, one progress line per revision on stderr'
        upgrade.exit == 0
        upgrade.outLines.size() == 1
        upgrade.out.startsWith("Upgraded to $HEAD (7 revisions in ")
        upgrade.errLines == [
                'Running upgrade <base> -> 1a2b3c4d5e6f, create authors',
                'Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f70, create books',
                'Running upgrade 2b3c4d5e6f70 -> 3c4d5e6f7081, books: isbn and a title index',
                'Running upgrade 3c4d5e6f7081 -> 4d5e6f708192, authors.name becomes full_name',
                'Running upgrade 4d5e6f708192 -> 5e6f708192a3, seed the catalogue',
                'Running upgrade 5e6f708192a3 -> 6f708192a3b4, books get a URL slug, computed in Groovy',
                'Running upgrade 6f708192a3b4 -> 708192a3b4c5, orders and their lines']
        cli.versionRows() == [HEAD]
        cli.userTables() == ['authors', 'books', 'order_lines', 'orders']

        expect:
        cli.run('current').out == "$HEAD (head)\n"
        cli.run('heads').out == "$HEAD (head)\n"

        when: 'upgrading again'
        CliResult again = cli.run('upgrade', 'head')

        then:
        again.exit == 0
        again.out == "Nothing to upgrade; the database is at $HEAD.\n"

        when:
        CliResult down = cli.run('downgrade', '-1')

        then:
        down.exit == 0
        down.out.startsWith('Downgraded to 6f708192a3b4 (1 revision in ')
        down.err == 'Running downgrade 708192a3b4c5 -> 6f708192a3b4, orders and their lines\n'
        cli.run('current').out == '6f708192a3b4\n'
        cli.userTables() == ['authors', 'books']

        when:
        CliResult base = cli.run('downgrade', 'base')

        then: 'the version table stays, empty; current prints nothing'
        base.exit == 0
        base.out.startsWith('Downgraded to base (6 revisions in ')
        cli.versionRows() == []
        cli.tables().contains('retort_version')
        cli.userTables() == []
        with(cli.run('current')) {
            exit == 0
            out == ''
        }

        where:
        engine << DatabaseEngine.values()
    }

    def "relative, prefix and symbol-relative targets, one step after another"() {
        given:
        cli.withBookstore().on(DatabaseEngine.H2)
        List<List> steps = [
                // command                   what it prints                                     where it leaves the database
                [['upgrade', '+2'],           'Upgraded to 2b3c4d5e6f70 (2 revisions',          '2b3c4d5e6f70'],
                [['upgrade', '3c4d+1'],       'Upgraded to 4d5e6f708192 (2 revisions',          '4d5e6f708192'],
                [['upgrade', '5e6f'],         'Upgraded to 5e6f708192a3 (1 revision in',        '5e6f708192a3'],
                [['upgrade', '2b3c4d5e6f70'], 'Nothing to upgrade; the database is at 5e6f708', '5e6f708192a3'],
                [['upgrade', '+1'],           'Upgraded to 6f708192a3b4 (1 revision in',        '6f708192a3b4'],
                [['downgrade', '-2'],         'Downgraded to 4d5e6f708192 (2 revisions',        '4d5e6f708192'],
                [['downgrade', 'head-5'],     'Downgraded to 2b3c4d5e6f70 (2 revisions',        '2b3c4d5e6f70'],
                [['upgrade', 'head'],         'Upgraded to 708192a3b4c5 (5 revisions',          HEAD],
                [['downgrade', '3c4d5e6f'],   'Downgraded to 3c4d5e6f7081 (4 revisions',        '3c4d5e6f7081'],
                [['downgrade', '3c4d5e6f'],   'Nothing to downgrade; the database is at 3c4d',  '3c4d5e6f7081']]

        expect:
        steps.each { List<String> command, String message, String at ->
            CliResult result = cli.run(*command)
            assert result.exit == 0: "$command: $result"
            assert result.out.startsWith(message): "$command: $result"
            assert cli.versionRows() == [at]: "$command: $result"
        }
    }

    def "targets that cannot be reached fail with exit 6 and change nothing: #target"() {
        given:
        cli.withBookstore().on(DatabaseEngine.H2)
        cli.run('upgrade', '3c4d')

        when:
        CliResult result = cli.run(command, target)

        then:
        result.exit == 6
        result.error.contains(message)
        !result.hasStackTrace
        cli.versionRows() == ['3c4d5e6f7081']

        where:
        command     | target         || message
        'upgrade'   | '+10'          || "Relative revision +10 didn't produce 10 migrations"
        'downgrade' | '-4'           || "Relative revision -4 didn't produce 4 migrations"
        'downgrade' | '708192a3b4c5' || 'Destination 708192a3b4c5 is not a valid downgrade target from current head(s)'
        'upgrade'   | '1a2b:3c4d'    || 'only allowed with --sql'
    }

    def "history: Alembic's format, newest first, with ranges and the current revision marked"() {
        given:
        cli.withBookstore().on(DatabaseEngine.H2)

        when: 'no database is needed for the plain listing'
        CliResult history = cli.run('history')

        then:
        history.exit == 0
        history.outLines == [
                '6f708192a3b4 -> 708192a3b4c5 (head), orders and their lines',
                '5e6f708192a3 -> 6f708192a3b4, books get a URL slug, computed in Groovy',
                '4d5e6f708192 -> 5e6f708192a3, seed the catalogue',
                '3c4d5e6f7081 -> 4d5e6f708192, authors.name becomes full_name',
                '2b3c4d5e6f70 -> 3c4d5e6f7081, books: isbn and a title index',
                '1a2b3c4d5e6f -> 2b3c4d5e6f70, create books',
                '<base> -> 1a2b3c4d5e6f, create authors']
        !cli.h2FileExists

        when: 'ranges are inclusive at both ends'
        List<String> middle = cli.run('history', '-r', '2b3c:4d5e').outLines
        List<String> fromFourth = cli.run('history', '--rev-range', '4d5e:').outLines
        List<String> upToSecond = cli.run('history', '-r', ':2b3c4d5e6f70').outLines

        then:
        middle*.find(/(?<=-> )\w+/) == ['4d5e6f708192', '3c4d5e6f7081', '2b3c4d5e6f70']
        fromFourth*.find(/(?<=-> )\w+/) == BOOKSTORE[3..6].reverse()
        upToSecond*.find(/(?<=-> )\w+/) == ['2b3c4d5e6f70', '1a2b3c4d5e6f']

        when:
        cli.run('upgrade', '5e6f')
        List<String> marked = cli.run('history', '-i').outLines

        then: 'exactly the current revision is marked'
        marked.findAll { it.contains('(current)') } == ['4d5e6f708192 -> 5e6f708192a3 (current), seed the catalogue']

        when: 'the range ends at current'
        List<String> belowCurrent = cli.run('history', '-r', 'current:').outLines
        List<String> uptoCurrent = cli.run('history', '-r', '3c4d:current').outLines

        then:
        belowCurrent*.find(/(?<=-> )\w+/) == [HEAD, '6f708192a3b4', '5e6f708192a3']
        uptoCurrent*.find(/(?<=-> )\w+/) == ['5e6f708192a3', '4d5e6f708192', '3c4d5e6f7081']

        when: 'a range that runs backwards, and one without a colon'
        CliResult backwards = cli.run('history', '-r', '4d5e:2b3c')
        CliResult noColon = cli.run('history', '-r', '2b3c')

        then:
        backwards.exit == 6
        backwards.error == 'Requested range 4d5e:2b3c does not refer to ancestor/descendant revisions along the same branch'
        backwards.out == ''
        noColon.exit == 6
        noColon.error == 'History range requires [start]:[end], [start]:, or :[end]'
    }

    def "show: one revision in full; base shows nothing; current reads the database"() {
        given:
        cli.withBookstore().on(DatabaseEngine.H2)

        when:
        CliResult show = cli.run('show', '3c4d')

        then:
        show.exit == 0
        show.out == """\
            Rev: 3c4d5e6f7081
            Parent: 2b3c4d5e6f70
            Path: ${cli.migrations.resolve('3c4d5e6f7081_books_isbn_and_title_index.groovy')}

                books: isbn and a title index

            """.stripIndent()

        expect:
        cli.run('show', 'base').with { exit == 0 && out == '' }
        cli.run('show', 'head').outLines[0] == "Rev: $HEAD (head)"
        cli.run('show', '1a2b3c4d5e6f').outLines[1] == 'Parent: <base>'

        when:
        cli.run('upgrade', '+1')

        then:
        cli.run('show', 'current').outLines[0] == 'Rev: 1a2b3c4d5e6f'
    }

    def "--version, and --help on every command, exit 0 and print to stdout"() {
        given:
        cli.withBookstore()
        List<List<String>> commands = [[], ['init'], ['revision'], ['merge'], ['upgrade'], ['downgrade'], ['current'],
                                       ['history'], ['heads'], ['branches'], ['show'], ['stamp'], ['lock'],
                                       ['lock', 'status'], ['lock', 'release']]

        when:
        CliResult version = cli.run('--version')

        then:
        version.exit == 0
        version.out.startsWith('retort ')
        version.err == ''

        when:
        Map<List<String>, CliResult> helps = commands.collectEntries { [(it): cli.run(*it, '--help')] }

        then:
        helps.each { command, result ->
            assert result.exit == 0: "$command: $result"
            assert result.err == '': "$command: $result"
            assert result.out.startsWith("Usage: retort ${command.join(' ')}".trim()): "$command: $result"
        }

        and: 'the root lists every subcommand and the exit codes'
        ['init', 'revision', 'upgrade', 'downgrade', 'current', 'history', 'heads', 'branches', 'show', 'merge',
         'stamp', 'lock'].every { helps[[]].out =~ /(?m)^\s+$it\s/ }
        helps[[]].out.contains('Exit codes:')

        and: '"help COMMAND" is the same as "COMMAND --help"'
        cli.run('help', 'upgrade').out == helps[['upgrade']].out
    }

    def "usage errors exit 2 and name the mistake"() {
        when:
        CliResult result = cli.run(*args)

        then:
        result.exit == 2
        result.err.readLines()[0].contains(message)
        !result.hasStackTrace

        where:
        args                         || message
        ['upgrade', '--frobnicate']  || "Unknown option: '--frobnicate'"
        ['downgrade']                || "Missing required parameter: 'TARGET'"
        ['revision']                 || "Missing required option: '--message=<message>'"
        ['levitate']                 || "Unmatched argument at index 2: 'levitate'"
    }
}
