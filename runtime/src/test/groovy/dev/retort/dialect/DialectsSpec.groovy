package dev.retort.dialect

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.dialect.h2.H2Dialect
import dev.retort.dialect.postgresql.PostgresDialect
import spock.lang.Specification

class DialectsSpec extends Specification {

    def dialects = Dialects.standard()

    def "the standard dialects are H2 and PostgreSQL"() {
        expect:
        dialects.all()*.name() == ['h2', 'postgresql']
    }

    def "#url is #name"() {
        expect:
        dialects.forUrl(url).name() == name

        where:
        url                                                || name
        'jdbc:h2:mem:test;DB_CLOSE_DELAY=-1'               || 'h2'
        'jdbc:h2:file:/tmp/db'                             || 'h2'
        'jdbc:postgresql://localhost:5432/app'             || 'postgresql'
        'jdbc:postgresql:app'                              || 'postgresql'
    }

    def "a URL no dialect accepts is a configuration error listing the known dialects, without the password"() {
        when:
        dialects.forUrl('jdbc:mysql://admin:secret@db/app?password=secret2')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CONFIGURATION
        e.message == 'no dialect for the URL jdbc:mysql://***@db/app?password=***; known dialects: h2, postgresql'
    }

    def "dialects are found by name, ignoring case"() {
        expect:
        dialects.byName('postgresql') instanceof PostgresDialect
        dialects.byName('H2') instanceof H2Dialect
    }

    def "an unknown name is a configuration error listing the known dialects"() {
        when:
        dialects.byName('oracle')

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CONFIGURATION
        e.message == "unknown dialect 'oracle'; known dialects: h2, postgresql"
    }

    def "a Dialects value holds exactly the dialects it was given"() {
        given:
        def onlyH2 = new Dialects([new H2Dialect()])

        when:
        onlyH2.forUrl('jdbc:postgresql://localhost/app')

        then:
        RetortException e = thrown()
        e.message.endsWith('known dialects: h2')
    }

    def "two dialects with one name are refused"() {
        when:
        new Dialects([new H2Dialect(), new H2Dialect()])

        then:
        IllegalArgumentException e = thrown()
        e.message == 'two dialects are named h2'
    }

    def "#dialect supports #capability: #supported"() {
        expect:
        dialect.supports(capability) == supported

        where:
        [dialect, capability] << [[new H2Dialect(), new PostgresDialect()], Capability.values()].combinations()
        supported = dialect.name() == 'postgresql'
    }
}
