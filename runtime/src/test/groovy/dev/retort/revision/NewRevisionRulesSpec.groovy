package dev.retort.revision

import dev.retort.api.ErrorCode
import spock.lang.Specification

import static dev.retort.revision.Revisions.graph

/**
 * The parents of a new revision or merge ({@code revision}, {@code merge}): when there is no single head, the
 * message names every head with its file, the way the other graph messages do, never as a Java list.
 */
class NewRevisionRulesSpec extends Specification {

    /** a1 with two children: two heads. */
    NewRevisionRules rules = new NewRevisionRules(graph('a1', 'b2 <- a1', 'c3 <- a1'))

    def "a new revision without --head, with several heads, names every head"() {
        when:
        rules.parentsFor([], false)

        then:
        InvalidTargetException e = thrown()
        e.code() == ErrorCode.TARGET
        e.message == 'Multiple heads are present; please specify the head revision on which the new revision should' +
                ' be based, or perform a merge. Heads: b2 (versions/b2.groovy:1), c3 (versions/c3.groovy:1)'
    }

    def "a merge of one revision names what it got and every head"() {
        when:
        rules.parentsForMerge(['b2'], false)

        then:
        InvalidTargetException e = thrown()
        e.message == 'a merge needs at least two revisions to join, got b2; heads are b2 (versions/b2.groovy:1),' +
                ' c3 (versions/c3.groovy:1)'
    }

    def "with one head there is nothing to choose"() {
        expect:
        new NewRevisionRules(graph('a1', 'b2 <- a1')).parentsFor([], false) == ['b2']
    }
}
