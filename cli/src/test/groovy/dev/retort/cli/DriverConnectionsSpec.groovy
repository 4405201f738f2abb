package dev.retort.cli

import spock.lang.Specification

import java.sql.Connection
import java.sql.DriverManager
import java.sql.SQLException
import java.time.Duration

/**
 * A connection opened early, on H2: it is the first one handed out, a failure to open it surfaces from that first
 * request exactly as opening then would have, and one nobody took is closed.
 */
class DriverConnectionsSpec extends Specification {

    static DriverConnections connections(String url) {
        new DriverConnections(url, 'sa', '', Duration.ZERO, new PrintWriter(new StringWriter()))
    }

    static int sessions(Connection observer) {
        observer.createStatement().withCloseable { s ->
            s.executeQuery('SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS').withCloseable { rs -> rs.next(); rs.getInt(1) }
        }
    }

    /** Polls for up to five seconds: the early connection opens and closes on threads of its own. */
    static boolean waitFor(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 5_000_000_000L
        while (!condition() && System.nanoTime() < deadline) {
            Thread.sleep(20)
        }
        condition()
    }

    def "the connection opened early is the first one handed out; later ones are new"() {
        given:
        String url = "jdbc:h2:mem:early_${System.nanoTime()}"
        Connection observer = DriverManager.getConnection(url, 'sa', '')
        def early = connections(url)

        when: 'asked to, it opens one before anyone requests it'
        early.openEarly()

        then:
        waitFor { sessions(observer) == 2 }

        when: 'the first request gets that one, the next a new one'
        Connection first = early.getConnection()
        int afterFirst = sessions(observer)
        Connection second = early.getConnection()

        then:
        afterFirst == 2
        sessions(observer) == 3
        !first.closed
        !second.closed
        !first.is(second)

        cleanup:
        first?.close()
        second?.close()
        observer?.close()
    }

    def "a failure to open early surfaces from the first request, as opening then would have"() {
        given:
        String url = "jdbc:h2:file:${File.createTempDir()}/missing;IFEXISTS=TRUE"

        when:
        connections(url).getConnection()

        then:
        SQLException direct = thrown()

        when:
        def early = connections(url)
        early.openEarly()
        early.getConnection()

        then:
        SQLException fromEarly = thrown()
        fromEarly.message == direct.message
        fromEarly.SQLState == direct.SQLState
    }

    def "an early connection nobody took is closed"() {
        given:
        String url = "jdbc:h2:mem:unused_${System.nanoTime()}"
        Connection observer = DriverManager.getConnection(url, 'sa', '')
        def early = connections(url)
        early.openEarly()

        when:
        early.discardEarly()

        then:
        waitFor { sessions(observer) == 1 }

        cleanup:
        observer?.close()
    }
}
