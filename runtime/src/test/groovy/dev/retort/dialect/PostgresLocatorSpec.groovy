package dev.retort.dialect

import dev.retort.testsupport.PostgresEndpoint
import dev.retort.testsupport.PostgresLocation
import dev.retort.testsupport.PostgresLocator
import dev.retort.testsupport.PostgresServer
import org.opentest4j.TestAbortedException
import spock.lang.Specification
import spock.lang.Timeout

import java.util.function.BooleanSupplier
import java.util.function.Function
import java.util.function.Supplier

/**
 * Where the dialect specs' PostgreSQL comes from (test-support's {@link PostgresLocator}), decided on injected
 * inputs: no network, no Docker. It lives with the dialect specs because those are what it serves.
 */
class PostgresLocatorSpec extends Specification {

    static final String LOCAL = PostgresLocator.LOCAL_URL
    static final String CONTAINER = 'jdbc:postgresql://localhost:32768/test'

    int dockerAsked
    int containersStarted

    /** A locator over a fake machine: these variables, Docker or not, and these URLs answering. */
    PostgresLocator locator(Map<String, String> environment, boolean docker, Collection<String> answering,
                            Supplier<PostgresEndpoint> container = { new PostgresEndpoint(CONTAINER, 'test', 'test', 'container') }) {
        new PostgresLocator({ String name -> environment[name] } as Function,
                { dockerAsked++; docker } as BooleanSupplier,
                { containersStarted++; container.get() } as Supplier,
                { PostgresEndpoint e -> answering.contains(e.jdbcUrl()) ? Optional.empty() : Optional.of('Connection refused') } as Function)
    }

    def "RETORT_TEST_PG_URL wins over Docker and the local server"() {
        when:
        def location = locator([RETORT_TEST_PG_URL: 'jdbc:postgresql://db:5432/app', RETORT_TEST_PG_USER: 'app', RETORT_TEST_PG_PASSWORD: 's3cret'],
                true, ['jdbc:postgresql://db:5432/app', CONTAINER, LOCAL]).locate()

        then:
        location == new PostgresLocation.Found(new PostgresEndpoint('jdbc:postgresql://db:5432/app', 'app', 's3cret', 'RETORT_TEST_PG_URL'))
        dockerAsked == 0
        containersStarted == 0
    }

    def "without RETORT_TEST_PG_USER the user is postgres"() {
        expect:
        def found = locator([RETORT_TEST_PG_URL: 'jdbc:postgresql://db/app'], false, ['jdbc:postgresql://db/app']).locate() as PostgresLocation.Found
        found.endpoint().user() == 'postgres'
        found.endpoint().password() == ''
    }

    def "a RETORT_TEST_PG_URL that does not answer fails the tests even off CI, and the message hides the password"() {
        when:
        def location = locator([RETORT_TEST_PG_URL: 'jdbc:postgresql://db:5432/app?password=hunter2'], true, [CONTAINER, LOCAL]).locate()

        then:
        location instanceof PostgresLocation.Missing
        with(location as PostgresLocation.Missing) {
            mustFail()
            reason().contains('RETORT_TEST_PG_URL names jdbc:postgresql://db:5432/app?password=***')
            reason().contains('Connection refused')
            !reason().contains('hunter2')
            toThrowable() instanceof PostgresLocation.PostgresUnavailableError
        }
        containersStarted == 0
    }

    def "a blank RETORT_TEST_PG_URL counts as unset"() {
        expect:
        locator([RETORT_TEST_PG_URL: '  '], false, [LOCAL]).locate() == new PostgresLocation.Found(new PostgresEndpoint(LOCAL, 'postgres', '', 'local server'))
    }

    def "with a Docker engine, Testcontainers gives the server"() {
        expect:
        locator([:], true, [CONTAINER, LOCAL]).locate() == new PostgresLocation.Found(new PostgresEndpoint(CONTAINER, 'test', 'test', 'container'))
        containersStarted == 1
    }

    def "when the container cannot start, the local server is used"() {
        expect:
        locator([:], true, [LOCAL], { throw new IllegalStateException('pull denied') }).locate() ==
                new PostgresLocation.Found(new PostgresEndpoint(LOCAL, 'postgres', '', 'local server'))
    }

    def "without Docker the local server is used and no container is started"() {
        expect:
        locator([:], false, [LOCAL]).locate() == new PostgresLocation.Found(new PostgresEndpoint(LOCAL, 'postgres', '', 'local server'))
        dockerAsked == 1
        containersStarted == 0
    }

    def "nothing reachable with CI set: the tests fail, saying what was tried"() {
        when:
        def missing = locator([CI: 'true'], true, [], { throw new IllegalStateException('pull denied') }).locate() as PostgresLocation.Missing

        then:
        missing.mustFail()
        missing.reason().contains('Testcontainers could not start PostgreSQL: java.lang.IllegalStateException: pull denied')
        missing.reason().contains(LOCAL + ' as postgres (local server) does not answer: Connection refused')
        missing.reason().contains('failing because CI is set')

        when:
        PostgresServer.endpointOf(missing)

        then:
        PostgresLocation.PostgresUnavailableError e = thrown()
        e.message == missing.reason()
    }

    def "nothing reachable off CI: the tests are skipped (aborted), with the reason"() {
        when:
        def missing = locator(environment, false, []).locate() as PostgresLocation.Missing

        then:
        !missing.mustFail()
        missing.reason().contains('no Docker engine answers for Testcontainers')
        missing.reason().contains('Set RETORT_TEST_PG_URL')

        when:
        PostgresServer.endpointOf(missing)

        then:
        TestAbortedException e = thrown()
        e.message == missing.reason()

        where:
        environment << [[:], [CI: '']]
    }

    @Timeout(15)
    def "the real probe gives up quickly on a port where nothing listens"() {
        expect:
        PostgresLocator.connectionFailure(new PostgresEndpoint('jdbc:postgresql://127.0.0.1:1/test', 'postgres', '', 'closed port'))
                .map { it.contains('refused') || it.contains('Connection') }.orElse(false)
    }
}
