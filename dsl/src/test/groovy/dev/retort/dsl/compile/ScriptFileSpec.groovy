package dev.retort.dsl.compile

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class ScriptFileSpec extends Specification {

    @TempDir
    Path dir

    def "a file is read whole, byte for byte: #size bytes"() {
        given:
        def bytes = new byte[size]
        new Random(size).nextBytes(bytes)
        def file = Files.write(dir.resolve('f.groovy'), bytes)

        expect:
        ScriptFile.readFile(file) == Files.readAllBytes(file)

        where:
        size << [0, 1, 8191, 8192, 8193, 1_000_000]
    }

    def "a file that is not there is an error naming it"() {
        when:
        ScriptFile.readFile(dir.resolve('missing.groovy'))

        then:
        def e = thrown(IOException)
        e.message.contains('missing.groovy')
    }
}
