package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** check, accept-changes and the timeout options, as a user runs them (issue 4), on both engines. */
class SafetyCommandsSpec extends Specification {

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp).withBookstore()
    }

    def "#engine: an edited applied script is named by check, refused by upgrade, and accepted deliberately"() {
        given:
        cli.on(engine)
        assert cli.run('upgrade', '5e6f708192a3').exit == 0
        def books = cli.migrations.resolve('2b3c4d5e6f70_create_books.groovy')
        Files.writeString(books, Files.readString(books) + '\n// reviewed: a comment only\n')

        when:
        def check = cli.run('check')

        then:
        check.exit == 1
        check.outLines == ["applied script changed since it ran: ${books} (revision 2b3c4d5e6f70)".toString(),
                           "pending: 6f708192a3b4 (${cli.migrations.resolve('6f708192a3b4_book_slugs.groovy')})".toString(),
                           "pending: 708192a3b4c5 (${cli.migrations.resolve('708192a3b4c5_orders.groovy')})".toString()]
        check.error == '3 problems found'

        when:
        def refused = cli.run('upgrade', 'head')

        then:
        refused.exit == 1
        refused.error.startsWith('refusing to upgrade: 1 applied script has changed since it ran: ')
        refused.error.contains('(revision 2b3c4d5e6f70)')
        cli.run('current').outLines == ['5e6f708192a3']

        when:
        def accepted = cli.run('accept-changes')
        def upgraded = cli.run('upgrade', 'head', '--statement-lock-timeout', '5s', '--statement-timeout', '2m')
        def clean = cli.run('check')

        then:
        accepted.out.trim() == 'Accepted the current text of 2b3c4d5e6f70.'
        upgraded.exit == 0
        clean.exit == 0
        clean.out.trim() == 'OK: the database is at every head and every applied script is unchanged.'

        where:
        engine << DatabaseEngine.values()
    }

    def "upgrade --allow-changed runs once over an edited applied script"() {
        given:
        cli.on(DatabaseEngine.H2)
        assert cli.run('upgrade', '1a2b3c4d5e6f').exit == 0
        def authors = cli.migrations.resolve('1a2b3c4d5e6f_create_authors.groovy')
        Files.writeString(authors, Files.readString(authors) + '\n// reviewed\n')

        expect:
        cli.run('upgrade', '2b3c4d5e6f70', '--allow-changed').exit == 0
        cli.run('check').outLines.first().startsWith('applied script changed since it ran: ')
    }

    def "a duration that is not one is a configuration error naming the setting (#option)"() {
        given:
        cli.on(DatabaseEngine.H2)

        when:
        def result = cli.run('upgrade', 'head', option, 'soon')

        then:
        result.exit == 3
        result.error == "${setting}: 'soon' is not a duration; write it like 500ms, 30s, 5m, 1h or PT30S".toString()

        where:
        option                     | setting
        '--lock-timeout'           | 'lock timeout'
        '--statement-lock-timeout' | 'statement lock timeout'
        '--statement-timeout'      | 'statement timeout'
    }
}
