package dev.retort.cli

import picocli.CommandLine.Command
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The subcommands are listed by name, so that a run loads only the class it runs: the names must stay those the
 * classes declare, and no command class may be left out of the list.
 */
class SubcommandTableSpec extends Specification {

    def "each listed name is the name its class declares, once"() {
        expect:
        RetortCommand.SUBCOMMANDS.every { RetortCommand.subcommand(it).getAnnotation(Command).name() == it }
        RetortCommand.SUBCOMMANDS.toSet().size() == RetortCommand.SUBCOMMANDS.size()
    }

    def "every command class of the CLI is listed"() {
        given:
        Path classes = Path.of(RetortCommand.protectionDomain.codeSource.location.toURI())
                .resolve(RetortCommand.package.name.replace('.', '/'))
        def declared = Files.list(classes).withCloseable { files ->
            files.map { it.fileName.toString() }
                    .filter { it.endsWith('Command.class') && !it.contains('$') }
                    .map { Class.forName("${RetortCommand.package.name}.${it - '.class'}") }
                    .filter { it != RetortCommand && it.getAnnotation(Command) != null }
                    .map { it.getAnnotation(Command).name() }
                    .toList()
        }

        expect:
        declared.size() >= 15
        RetortCommand.SUBCOMMANDS.containsAll(declared)
    }

    def "an unknown name is refused"() {
        when:
        RetortCommand.subcommand('frobnicate')

        then:
        IllegalArgumentException e = thrown()
        e.message == 'no subcommand frobnicate'
    }
}
