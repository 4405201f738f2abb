package dev.retort.revision

import spock.lang.Specification

import static dev.retort.revision.Fixtures.BRANCHED
import static dev.retort.revision.Fixtures.MERGED
import static dev.retort.revision.Revisions.graph

class BranchLabelsSpec extends Specification {

    def "a label covers its revision's descendants and its ancestors down to a branch or merge point: #why"() {
        when:
        def g = graph(*specs)

        then:
        g.revisions().findAll { g.branchLabels(it.id()).contains('lib') }*.id() == carriers

        where:
        why                                               | specs                                                                        | carriers
        'on a base: the whole line'                       | ['a labels lib', 'b <- a', 'c <- b']                                         | ['a', 'b', 'c']
        'mid-chain: down to the base too'                 | ['a', 'b <- a labels lib', 'c <- b']                                         | ['a', 'b', 'c']
        'after a branch point: not the branch point'      | ['a', 'b <- a', 'c1 <- b', 'c2 <- b', 'd <- c2 labels lib', 'e <- d']        | ['c2', 'd', 'e']
        'on a branch point: neither it nor below'         | ['a', 'b <- a labels lib', 'c1 <- b', 'c2 <- b']                             | ['b', 'c1', 'c2']
        'on a merge point: not its parents'               | ['a', 'b <- a', 'x', 'm <- b, x labels lib', 'n <- m']                       | ['m', 'n']
        'below a dependent: a dependent makes a fork'     | ['a', 'b <- a', 'c <- b labels lib', 'z needs b']                            | ['c']
        'through a merge: the merge and beyond'           | ['a', 'b <- a labels lib', 'x', 'm <- b, x', 'n <- m']                       | ['a', 'b', 'm', 'n']
        'not through dependencies'                        | ['a labels lib', 'b <- a', 'x needs b', 'y <- x']                            | ['a', 'b']
    }

    def "BRANCHED: each branch label covers its own branch only"() {
        when:
        def g = graph(*BRANCHED)

        then:
        g.branchLabels(id) == labels as Set

        where:
        id   | labels
        'a'  | []
        'b'  | []
        'c1' | ['c1branch']
        'd1' | ['c1branch']
        'c2' | ['c2branch']
        'd2' | ['c2branch']
    }

    def "MERGED: a label before the merge is inherited by the merge and what follows"() {
        when:
        def g = graph(*MERGED)

        then:
        g.branchLabels('e') == ['c2branch'] as Set
        g.branchLabels('f') == ['c2branch'] as Set
        g.branchLabels('d1').isEmpty()
        g.labels() == ['c2branch'] as Set
        g.labelOwner('c2branch').get().id() == 'c2'
        g.labelOwner('nope').isEmpty()
    }

    def "labels from two lines meet at a merge, sorted"() {
        when:
        def g = graph('x labels zeta', 'a labels alpha', 'm <- a, x')

        then:
        g.branchLabels('m') as List == ['alpha', 'zeta']
    }
}
