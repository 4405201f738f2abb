package dev.retort.revision

import dev.retort.api.ErrorCode
import dev.retort.operation.SourceLocation
import spock.lang.Specification

import static dev.retort.revision.Revisions.graph
import static dev.retort.revision.Revisions.rev

class RevisionGraphValidationSpec extends Specification {

    def "a duplicate id is an error naming both files"() {
        when:
        RevisionGraph.of([rev('a1'), rev('b2 <- a1'), rev('b2 <- a1', 'versions/b2_copy.groovy')])

        then:
        def e = thrown(DuplicateRevisionException)
        e.message == 'Revision b2 is present more than once: in versions/b2.groovy:1 and in versions/b2_copy.groovy:1'
        e.revisionIds() == ['b2']
        e.code() == ErrorCode.GRAPH
    }

    def "a down revision naming a missing revision is an error naming the file and the missing id"() {
        when:
        graph('a1', 'b2 <- a1', 'c3 <- b2, zz99')

        then:
        def e = thrown(UnknownParentException)
        e.message == 'Revision zz99 referenced as down revision from c3 (versions/c3.groovy:1) is not present'
        e.revisionIds() == ['c3', 'zz99']
    }

    def "a dependency naming neither a revision nor a label is an error"() {
        when:
        graph('a1', 'b2 <- a1 needs nope')

        then:
        def e = thrown(UnknownDependencyException)
        e.message == 'Revision or branch label nope referenced in dependsOn of b2 (versions/b2.groovy:1) is not present'
        e.revisionIds() == ['b2', 'nope']
    }

    def "a dependency may name a branch label"() {
        when:
        def g = graph('l1 labels lib', 'l2 <- l1', 'a1 needs lib')

        then:
        g.dependencies('a1')*.id() == ['l1']
        g.dependents('l1')*.id() == ['a1']
    }

    def "a cycle of down revisions names exactly the revisions on it, not those above or beside it"() {
        when:
        graph(*specs)

        then:
        def e = thrown(RevisionCycleException)
        e.revisionIds() == cycle
        e.message == "Cycle is detected in revisions (${cycle.join(', ')}): " +
                cycle.collect { "$it (versions/${it}.groovy:1)" }.join(', ')

        where:
        specs                                                        | cycle
        ['a1', 'b2 <- a1, c3', 'c3 <- b2', 'd4 <- c3']               | ['b2', 'c3']
        ['x <- y', 'y <- x']                                         | ['x', 'y']
        ['a1', 'x <- z', 'y <- x', 'z <- y', 'w <- z', 'v <- w']     | ['x', 'y', 'z']
        ['p <- q', 'q <- p', 'r <- s', 's <- r']                     | ['p', 'q']
    }

    def "a cycle that needs a dependency edge is a dependency cycle"() {
        when:
        graph('a1', 'a2 <- a1 needs b2', 'b1 needs a2', 'b2 <- b1', 'b3 <- b2')

        then:
        def e = thrown(DependencyCycleException)
        e.revisionIds() == ['a2', 'b1', 'b2']
        e.message.startsWith('Dependency cycle is detected in revisions (a2, b1, b2): a2 (versions/a2.groovy:1)')
    }

    def "a revision naming itself as down revision is a self-loop"() {
        when:
        graph('a1', 'b2 <- a1, b2')

        then:
        def e = thrown(SelfLoopException)
        e.message == 'Self-loop is detected in revisions (b2): b2 (versions/b2.groovy:1) names itself as down revision'
        e.revisionIds() == ['b2']
    }

    def "a revision depending on itself, by id or through its own label, is a dependency self-loop"() {
        when:
        graph(*specs)

        then:
        def e = thrown(DependencySelfLoopException)
        e.message == 'Dependency self-loop is detected in revisions (b2): b2 (versions/b2.groovy:1) depends on itself'

        where:
        specs << [['a1', 'b2 <- a1 needs b2'], ['a1', 'b2 <- a1 needs lib labels lib']]
    }

    def "a branch label used twice names both revisions, the earlier-loaded one as owner"() {
        when:
        graph('a1 labels x', 'b2 <- a1', 'c3 <- b2 labels y, x')

        then:
        def e = thrown(DuplicateBranchLabelException)
        e.message == "Branch name 'x' in revision c3 (versions/c3.groovy:1) already used by revision a1 (versions/a1.groovy:1)"
        e.revisionIds() == ['c3', 'a1']
    }

    def "a branch label equal to a revision id is an error, wherever the revision is loaded"() {
        when:
        graph(*specs)

        then:
        def e = thrown(BranchLabelCollisionException)
        e.message == "Branch name 'c3' in revision b2 (versions/b2.groovy:1) is already the id of revision c3 (versions/c3.groovy:1)"
        e.revisionIds() == ['b2', 'c3']

        where:
        specs << [['a1', 'b2 <- a1 labels c3', 'c3 <- b2'], ['c3', 'b2 labels c3']]
    }

    def "a revision id may only use letters, digits and underscores: '#id' is refused"() {
        when:
        graph('a1', "$id <- a1")

        then:
        def e = thrown(IllegalIdentifierException)
        e.message == "Character(s) '$chars' not allowed in revision identifier '$id' in versions/${id}.groovy:1; use only letters, digits and '_'"
        e.revisionIds() == [id]

        where:
        id         | chars
        'ab-cd'    | '-'
        'ab@cd'    | '@'
        'ab+cd'    | '+'
        'ab:cd'    | ':'
        'ab.cd'    | '.'
        'a-b+c'    | '+, -'
        'café'     | 'é'
    }

    def "ids with letters, digits and underscores are accepted"() {
        expect:
        graph('A_1', 'b2c3d4e5f6a7 <- A_1', '0042 <- b2c3d4e5f6a7').size() == 3
    }

    def "a branch label follows the same rule, since labels are typed in the same places"() {
        when:
        graph('a1 labels my-lib')

        then:
        def e = thrown(IllegalIdentifierException)
        e.message == "Character(s) '-' not allowed in branch label 'my-lib' of revision a1 (versions/a1.groovy:1); use only letters, digits and '_'"
    }

    def "the symbols head, heads and base cannot be ids or labels"() {
        when:
        graph(spec)

        then:
        def e = thrown(IllegalIdentifierException)
        e.message == message

        where:
        spec              | message
        'head'            | "The symbol 'head' cannot be used as a revision identifier in versions/head.groovy:1"
        'heads'           | "The symbol 'heads' cannot be used as a revision identifier in versions/heads.groovy:1"
        'base'            | "The symbol 'base' cannot be used as a revision identifier in versions/base.groovy:1"
        'a1 labels base'  | "The symbol 'base' cannot be used as a branch label of revision a1 (versions/a1.groovy:1)"
    }

    def "an empty id is refused"() {
        when:
        RevisionGraph.of([new Revision('', [], [], [], '', new SourceLocation('versions/x.groovy', 2), null)])

        then:
        def e = thrown(IllegalIdentifierException)
        e.message == 'Empty revision identifier in versions/x.groovy:2'
    }

    def "checks run in a fixed order: header problems, duplicates, labels, references, then cycles"() {
        when:
        graph(*specs)

        then:
        thrown(expected)

        where:
        specs                                              | expected
        ['x <- y', 'y <- x', 'a-b']                        | IllegalIdentifierException
        ['x <- y', 'y <- x', 'z <- zz', 'z']               | DuplicateRevisionException
        ['x <- y', 'y <- x labels q', 'z <- nope labels q'] | DuplicateBranchLabelException
        ['x <- y', 'y <- x', 'z <- nope']                  | UnknownParentException
        ['x <- y needs y', 'y <- x']                       | RevisionCycleException
    }

    def "an empty list of revisions is a valid, empty graph"() {
        when:
        def g = RevisionGraph.of([])

        then:
        g.isEmpty()
        g.heads().isEmpty()
        g.bases().isEmpty()
        g.topologicalOrder().isEmpty()
    }
}
