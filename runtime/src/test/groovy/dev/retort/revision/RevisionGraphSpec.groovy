package dev.retort.revision

import spock.lang.Specification

import static dev.retort.revision.Fixtures.*
import static dev.retort.revision.Revisions.chain
import static dev.retort.revision.Revisions.graph
import static dev.retort.revision.Revisions.ids

class RevisionGraphSpec extends Specification {

    def "heads, effective heads, bases, branch points and merge points of #name"() {
        when:
        def g = graph(*specs)

        then:
        ids(g.heads()) == heads
        ids(g.effectiveHeads()) == effective
        ids(g.branchHeads()) == ids(g.revisions()).findAll { it in heads || it in effective }
        ids(g.bases()) == bases
        ids(g.branchPoints()) == branchPoints
        ids(g.mergePoints()) == mergePoints

        where:
        name             | specs          | heads                                   | effective | bases                                                    | branchPoints | mergePoints
        'LINEAR'         | LINEAR         | ['e']                                   | []        | ['a']                                                    | []           | []
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                            | []        | ['a']                                                    | ['b']        | []
        'MERGED'         | MERGED         | ['f']                                   | []        | ['a']                                                    | ['b']        | ['e']
        'DIAMOND'        | DIAMOND        | ['d']                                   | []        | ['a']                                                    | ['a']        | ['d']
        'CROSS'          | CROSS          | ['a2']                                  | ['m2']    | ['a1', 'm1']                                             | []           | []
        'FOREST'         | FOREST         | ['b1', 'b2']                            | []        | ['a1', 'a2']                                             | []           | []
        'KABOOM'         | KABOOM         | ['amerge', 'bmerge', 'cmerge', 'd1']    | []        | ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'c3', 'd1']   | []           | ['amerge', 'bmerge', 'cmerge']
        'CRISSCROSS'     | CRISSCROSS     | ['b3', 'a3']                            | []        | ['a1', 'b1']                                             | []           | []
        'BRANCHED_CROSS' | BRANCHED_CROSS | ['d1', 'd2']                            | []        | ['a']                                                    | ['b']        | []
        'LIBRARY'        | LIBRARY        | ['p2']                                  | ['l2']    | ['l1', 'p1']                                             | []           | []
    }

    def "a revision that is both depended on and has no child of its own is an effective head, not a head"() {
        when:
        def g = graph('a', 'b <- a', 'x', 'y <- x needs b', 'z <- y')

        then:
        ids(g.heads()) == ['z']
        ids(g.effectiveHeads()) == ['b']
        ids(g.branchHeads()) == ['b', 'z']
    }

    def "parents, dependencies, children and dependents keep declared and load order"() {
        when:
        def g = graph('a', 'b <- a', 'c <- a', 'x', 'm <- c, b needs x', 'n <- a needs x')

        then:
        ids(g.parents('m')) == ['c', 'b']
        ids(g.dependencies('m')) == ['x']
        ids(g.children('a')) == ['b', 'c', 'n']
        ids(g.dependents('x')) == ['m', 'n']
        ids(g.parents('a')) == []
    }

    def "find and get look up exact ids only"() {
        given:
        def g = graph(*BRANCHED)

        expect:
        g.find('c1').get().id() == 'c1'
        g.find('c').isEmpty()
        g.find('c1branch').isEmpty()
        g.contains('d2')
        !g.contains('d3')

        when:
        g.get('d3')

        then:
        def e = thrown(UnknownRevisionException)
        e.message == "No such revision 'd3'"
    }

    def "ancestors and descendants of #start, with and without dependencies, in CROSS"() {
        given:
        def g = graph(*CROSS)

        expect:
        ids(g.ancestors(start, Edges.VERSIONED)) == versionedAncestors
        ids(g.ancestors(start, Edges.WITH_DEPENDENCIES)) == allAncestors
        ids(g.descendants(start, Edges.VERSIONED)) == versionedDescendants
        ids(g.descendants(start, Edges.WITH_DEPENDENCIES)) == allDescendants

        where:
        start          | versionedAncestors | allAncestors                | versionedDescendants | allDescendants
        ['a2']         | ['a1', 'a2']       | ['a1', 'a2', 'm1', 'm2']    | ['a2']               | ['a2']
        ['m1']         | ['m1']             | ['m1']                      | ['m1', 'm2']         | ['a2', 'm1', 'm2']
        ['a1', 'm2']   | ['a1', 'm1', 'm2'] | ['a1', 'm1', 'm2']          | ['a1', 'a2', 'm2']   | ['a1', 'a2', 'm2']
        []             | []                 | []                          | []                   | []
    }

    def "isAncestor counts a revision as its own ancestor and follows dependencies only when asked"() {
        given:
        def g = graph(*CROSS)

        expect:
        g.isAncestor('m1', 'a2', Edges.WITH_DEPENDENCIES)
        !g.isAncestor('m1', 'a2', Edges.VERSIONED)
        g.isAncestor('a1', 'a2', Edges.VERSIONED)
        g.isAncestor('a2', 'a2', Edges.VERSIONED)
        !g.isAncestor('a2', 'a1', Edges.WITH_DEPENDENCIES)
    }

    def "topological order of #name: each head's missing lineage in turn, dependencies before down revisions"() {
        expect:
        ids(graph(*specs).topologicalOrder()) == order

        where:
        name             | specs          | order
        'LINEAR'         | LINEAR         | ['a', 'b', 'c', 'd', 'e']
        'BRANCHED'       | BRANCHED       | ['a', 'b', 'c1', 'd1', 'c2', 'd2']
        'MERGED'         | MERGED         | ['a', 'b', 'c1', 'd1', 'c2', 'd2', 'e', 'f']
        'DIAMOND'        | DIAMOND        | ['a', 'b', 'c', 'd']
        'CROSS'          | CROSS          | ['m1', 'm2', 'a1', 'a2']
        'FOREST'         | FOREST         | ['a1', 'b1', 'a2', 'b2']
        'KABOOM'         | KABOOM         | ['a1', 'a2', 'a3', 'amerge', 'b1', 'b2', 'bmerge', 'c1', 'c2', 'c3', 'cmerge', 'd1']
        'CRISSCROSS'     | CRISSCROSS     | ['a1', 'a2', 'b1', 'b2', 'b3', 'a3']
        'BRANCHED_CROSS' | BRANCHED_CROSS | ['a', 'b', 'c1', 'd1', 'c2', 'd2']
        'LIBRARY'        | LIBRARY        | ['l1', 'l2', 'p1', 'p2']
    }

    def "the order does not depend on how branches interleave in load order, only on which head loads first"() {
        expect:
        ids(graph('a1', 'a2', 'b2 <- a2', 'b1 <- a1').topologicalOrder()) == ['a2', 'b2', 'a1', 'b1']
        ids(graph('a1', 'a2', 'b1 <- a1', 'b2 <- a2').topologicalOrder()) == ['a1', 'b1', 'a2', 'b2']
    }

    def "history of #name: newest first, one branch at a time"() {
        expect:
        ids(graph(*specs).history()) == order

        where:
        name       | specs    | order
        'LINEAR'   | LINEAR   | ['e', 'd', 'c', 'b', 'a']
        'BRANCHED' | BRANCHED | ['d1', 'c1', 'd2', 'c2', 'b', 'a']
        'MERGED'   | MERGED   | ['f', 'e', 'd1', 'c1', 'd2', 'c2', 'b', 'a']
        'DIAMOND'  | DIAMOND  | ['d', 'b', 'c', 'a']
        'CROSS'    | CROSS    | ['a2', 'a1', 'm2', 'm1']
        'FOREST'   | FOREST   | ['b1', 'a1', 'b2', 'a2']
    }

    def "every order puts each revision after all it needs (#name)"() {
        given:
        def g = graph(*specs)

        expect:
        isUpgradeOrder(g, g.topologicalOrder())
        isUpgradeOrder(g, g.history().reverse())

        where:
        name << ['LINEAR', 'BRANCHED', 'MERGED', 'DIAMOND', 'CROSS', 'FOREST', 'KABOOM', 'CRISSCROSS', 'LIBRARY']
        specs << [LINEAR, BRANCHED, MERGED, DIAMOND, CROSS, FOREST, KABOOM, CRISSCROSS, LIBRARY]
    }

    def "subsets are ordered too, even when a member reaches another only through non-members"() {
        given:
        def g = graph('c <- b', 'b <- a', 'a', 'x')

        expect:
        ids(g.upgradeOrder(['c', 'a', 'x'])) == ['a', 'c', 'x']
        ids(g.downgradeOrder(['a', 'x', 'c'])) == ['c', 'a', 'x']
        ids(g.upgradeOrder([])) == []
    }

    def "a 10,000-revision chain builds, and every walk over it is iterative"() {
        when:
        def g = RevisionGraph.of(chain(10_000))

        then:
        ids(g.heads()) == ['r9999']
        ids(g.bases()) == ['r0']
        g.topologicalOrder().first().id() == 'r0'
        g.topologicalOrder().last().id() == 'r9999'
        g.history().first().id() == 'r9999'
        g.ancestors(['r9999'], Edges.WITH_DEPENDENCIES).size() == 10_000
        g.descendants(['r0'], Edges.VERSIONED).size() == 10_000
        g.branchLabels('r0').isEmpty()
    }

    def "a cycle through a 10,000-revision chain is found without overflowing the stack"() {
        given:
        def revisions = chain(10_000)
        revisions[0] = new Revision('r0', ['r9999'], [], [], '', revisions[0].location(), null)
        revisions << Revisions.rev('extra <- r5')

        when:
        RevisionGraph.of(revisions)

        then:
        def e = thrown(RevisionCycleException)
        e.revisionIds().size() == 10_000
        !e.revisionIds().contains('extra')
    }

    private static boolean isUpgradeOrder(RevisionGraph g, List<Revision> order) {
        def seen = [] as Set
        order.every { r ->
            def ok = (g.parents(r.id()) + g.dependencies(r.id())).every { seen.contains(it.id()) }
            seen << r.id()
            ok
        } && order.size() == g.size()
    }
}
