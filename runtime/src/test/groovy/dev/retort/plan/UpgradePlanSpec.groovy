package dev.retort.plan

import dev.retort.api.ErrorCode
import dev.retort.revision.AmbiguousWalkException
import dev.retort.revision.InvalidTargetException
import dev.retort.revision.MultipleHeadsException
import dev.retort.revision.RelativeRevisionException
import dev.retort.revision.RevisionGraph
import spock.lang.Specification

import static dev.retort.plan.Plans.noRowImplied
import static dev.retort.plan.Plans.replay
import static dev.retort.plan.Plans.steps
import static dev.retort.revision.Fixtures.*
import static dev.retort.revision.Revisions.chain
import static dev.retort.revision.Revisions.graph

class UpgradePlanSpec extends Specification {

    def "#name: upgrade #current to '#target' runs #expected and leaves #end"() {
        given:
        def g = graph(*specs)

        when:
        def plan = new Planner(g).upgrade(current, target)

        then:
        steps(plan) == expected
        plan.steps().every { it.direction() == Direction.UPGRADE && it.runsMigration() }
        plan.startHeads() == current
        plan.endHeads() == end
        replay(plan) == end as Set
        noRowImplied(g, plan.endHeads())

        where:
        name          | specs          | current              | target             | expected                                                                                    | end
        'LINEAR'      | LINEAR         | []                   | 'e'                | ['a +a', 'b a>b', 'c b>c', 'd c>d', 'e d>e']                                                | ['e']
        'LINEAR'      | LINEAR         | []                   | 'head'             | ['a +a', 'b a>b', 'c b>c', 'd c>d', 'e d>e']                                                | ['e']
        'LINEAR'      | LINEAR         | []                   | 'heads'            | ['a +a', 'b a>b', 'c b>c', 'd c>d', 'e d>e']                                                | ['e']
        'LINEAR'      | LINEAR         | ['c']                | 'e'                | ['d c>d', 'e d>e']                                                                          | ['e']
        'LINEAR'      | LINEAR         | []                   | 'c'                | ['a +a', 'b a>b', 'c b>c']                                                                  | ['c']
        'LINEAR'      | LINEAR         | ['a']                | '+2'               | ['b a>b', 'c b>c']                                                                          | ['c']
        'LINEAR'      | LINEAR         | ['a']                | '+1'               | ['b a>b']                                                                                   | ['b']
        'LINEAR'      | LINEAR         | ['b']                | '+3'               | ['c b>c', 'd c>d', 'e d>e']                                                                 | ['e']
        'LINEAR'      | LINEAR         | ['a']                | 'b+2'              | ['b a>b', 'c b>c', 'd c>d']                                                                 | ['d']
        'LINEAR'      | LINEAR         | ['a']                | 'd-2'              | ['b a>b']                                                                                   | ['b']
        'LINEAR'      | LINEAR         | []                   | '+1'               | ['a +a']                                                                                    | ['a']
        'LINEAR'      | LINEAR         | []                   | 'base+1'           | ['a +a']                                                                                    | ['a']
        'BRANCHED'    | BRANCHED       | []                   | 'heads'            | ['a +a', 'b a>b', 'c1 b>c1', 'd1 c1>d1', 'c2 +c2', 'd2 c2>d2']                              | ['d1', 'd2']
        'BRANCHED'    | BRANCHED       | ['a']                | 'heads'            | ['b a>b', 'c1 b>c1', 'd1 c1>d1', 'c2 +c2', 'd2 c2>d2']                                      | ['d1', 'd2']
        'BRANCHED'    | BRANCHED       | ['b']                | 'd1'               | ['c1 b>c1', 'd1 c1>d1']                                                                     | ['d1']
        'BRANCHED'    | BRANCHED       | ['b']                | 'c2branch@head-1'  | ['c2 b>c2']                                                                                 | ['c2']
        'BRANCHED'    | BRANCHED       | ['c1']               | 'c2branch@+1'      | ['c2 +c2']                                                                                  | ['c1', 'c2']
        'BRANCHED'    | BRANCHED       | ['c1', 'c2']         | 'c2branch@+1'      | ['d2 c2>d2']                                                                                | ['c1', 'd2']
        'BRANCHED'    | BRANCHED       | ['d1']               | 'd2'               | ['c2 +c2', 'd2 c2>d2']                                                                      | ['d1', 'd2']
        'BRANCHED'    | BRANCHED       | ['d1']               | 'c2branch@head'    | ['c2 +c2', 'd2 c2>d2']                                                                      | ['d1', 'd2']
        'BRANCHED'    | BRANCHED       | ['d1', 'c2']         | 'heads'            | ['d2 c2>d2']                                                                                | ['d1', 'd2']
        'BRANCHED'    | BRANCHED       | []                   | 'c1branch@head'    | ['a +a', 'b a>b', 'c1 b>c1', 'd1 c1>d1']                                                    | ['d1']
        'MERGED'      | MERGED         | ['b']                | 'f'                | ['c1 b>c1', 'd1 c1>d1', 'c2 +c2', 'd2 c2>d2', 'e -d1 d2>e', 'f e>f']                        | ['f']
        'MERGED'      | MERGED         | ['d1', 'c2']         | 'e'                | ['d2 c2>d2', 'e -d1 d2>e']                                                                  | ['e']
        'MERGED'      | MERGED         | ['d1']               | 'e'                | ['c2 +c2', 'd2 c2>d2', 'e -d1 d2>e']                                                        | ['e']
        'MERGED'      | MERGED         | []                   | 'heads'            | ['a +a', 'b a>b', 'c1 b>c1', 'd1 c1>d1', 'c2 +c2', 'd2 c2>d2', 'e -d1 d2>e', 'f e>f']       | ['f']
        'DIAMOND'     | DIAMOND        | []                   | 'd'                | ['a +a', 'b a>b', 'c +c', 'd -b c>d']                                                       | ['d']
        'DIAMOND'     | DIAMOND        | ['b']                | 'd'                | ['c +c', 'd -b c>d']                                                                        | ['d']
        'CROSS'       | CROSS          | []                   | 'heads'            | ['m1 +m1', 'm2 m1>m2', 'a1 +a1', 'a2 -m2 a1>a2']                                            | ['a2']
        'CROSS'       | CROSS          | []                   | 'a2'               | ['m1 +m1', 'm2 m1>m2', 'a1 +a1', 'a2 -m2 a1>a2']                                            | ['a2']
        'CROSS'       | CROSS          | ['a1']               | 'a2'               | ['m1 +m1', 'm2 m1>m2', 'a2 -m2 a1>a2']                                                      | ['a2']
        'CROSS'       | CROSS          | ['m2']               | 'a2'               | ['a1 +a1', 'a2 -m2 a1>a2']                                                                  | ['a2']
        'CROSS'       | CROSS          | []                   | 'm2'               | ['m1 +m1', 'm2 m1>m2']                                                                      | ['m2']
        'FOREST'      | FOREST         | []                   | 'heads'            | ['a1 +a1', 'b1 a1>b1', 'a2 +a2', 'b2 a2>b2']                                                | ['b1', 'b2']
        'KABOOM'      | KABOOM         | []                   | 'heads'            | ['a1 +a1', 'a2 +a2', 'a3 +a3', 'amerge -a1 -a2 a3>amerge', 'b1 +b1', 'b2 +b2',
                                                                                    'bmerge -b1 b2>bmerge', 'c1 +c1', 'c2 +c2', 'c3 +c3', 'cmerge -c1 -c2 c3>cmerge', 'd1 +d1'] | ['amerge', 'bmerge', 'cmerge', 'd1']
        'CRISSCROSS'  | CRISSCROSS     | []                   | 'heads'            | ['a1 +a1', 'a2 a1>a2', 'b1 +b1', 'b2 -a2 b1>b2', 'b3 b2>b3', 'a3 +a3']                      | ['b3', 'a3']
        'LIBRARY'     | LIBRARY        | ['l1']               | 'app@head'         | ['l2 l1>l2', 'p1 +p1', 'p2 -l2 p1>p2']                                                      | ['p2']
        'dep-label'   | DEP_LABEL      | ['a2']               | 'c2'               | ['a1 +a1', 'b1 a1>b1', 'c1 b1>c1', 'b2 a2>b2', 'c2 -c1 b2>c2']                              | ['c2']
        'dep-parent'  | DEP_PARENT     | []                   | 'a2'               | ['a1 +a1', 'a2 a1>a2']                                                                      | ['a2']
        'dep-merge'   | DEP_MERGE      | ['a1']               | 'b1'               | ['b1 a1>b1']                                                                                | ['b1']
        'dep-merge'   | DEP_MERGE      | ['b1']               | 'bmerge'           | ['bmerge b1>bmerge']                                                                        | ['bmerge']
        'twin-merge'  | TWIN_MERGE     | ['a']                | 'heads'            | ['b1 a>b1', 'b2 +b2', 'b3 +b3', 'c1 -b1 -b2 b3>c1', 'd1 c1>d1', 'c2 +c2', 'd2 c2>d2']        | ['d1', 'd2']
    }

    /** DependsOnBranchLabelTest: c2 depends on c1 through c1's branch label. */
    static final List<String> DEP_LABEL = ['a1 labels lib1', 'b1 <- a1', 'c1 <- b1 labels c1lib', 'a2', 'b2 <- a2',
                                           'c2 <- b2 needs c1lib', 'd1 <- c1', 'e1 <- d1', 'f1 <- e1']
    /** DependsOnOwnDownrevTest: a2 depends on its own down revision. */
    static final List<String> DEP_PARENT = ['a1', 'a2 <- a1 needs a1']
    /** DependsOnBranchTestFive: b1 depends on a1, and bmerge merges both. */
    static final List<String> DEP_MERGE = ['a1', 'b1 needs a1', 'bmerge <- a1, b1']
    /** TwinMergeTest: two merge points of the same three parents. */
    static final List<String> TWIN_MERGE = ['a', 'b1 <- a', 'b2 <- a', 'b3 <- a', 'c1 <- b1, b2, b3',
                                            'c2 <- b1, b2, b3', 'd1 <- c1', 'd2 <- c2']

    def "#name: upgrading to an older or equal target is a no-op, not an error (#target from #current)"() {
        when:
        def plan = new Planner(graph(*specs)).upgrade(current, target)

        then:
        plan.isEmpty()
        plan.endHeads() == current

        where:
        name      | specs  | current | target
        'LINEAR'  | LINEAR | ['c']   | 'a'
        'LINEAR'  | LINEAR | ['c']   | 'c'
        'LINEAR'  | LINEAR | ['c']   | 'base'
        'LINEAR'  | LINEAR | ['c']   | 'c-1'
        'LINEAR'  | LINEAR | []      | 'base'
        'CROSS'   | CROSS  | ['a2']  | 'm2'
        'CROSS'   | CROSS  | ['a2']  | 'heads'
        'MERGED'  | MERGED | ['f']   | 'c2branch@head-2'
    }

    def "#name: a database already at every target plans nothing; its rows stay, once each, in graph order (#current to #target)"() {
        when:
        def plan = new Planner(graph(*specs)).upgrade(current, target)

        then:
        plan.isEmpty()
        plan.startHeads() == current.unique(false)
        plan.endHeads() == ends

        where:
        name         | specs      | current          | target  || ends
        'LINEAR'     | LINEAR     | ['e']            | 'head'  || ['e']
        'LINEAR'     | LINEAR     | ['e', 'e']       | 'heads' || ['e']
        'TWIN_MERGE' | TWIN_MERGE | ['d1', 'd2']     | 'heads' || ['d1', 'd2']
        'TWIN_MERGE' | TWIN_MERGE | ['d2', 'd1']     | 'd1'    || ['d1', 'd2']
        'TWIN_MERGE' | TWIN_MERGE | ['d1', 'b3']     | 'd1'    || ['b3', 'd1']
    }

    def "steps say what they move between, for the '-- Running upgrade' lines"() {
        when:
        def plan = new Planner(graph(*specs)).upgrade([], 'heads')

        then:
        plan.steps()*.describe() == described

        where:
        specs  | described
        MERGED | ['upgrade <base> -> a', 'upgrade a -> b', 'upgrade b -> c1', 'upgrade c1 -> d1', 'upgrade b -> c2',
                  'upgrade c2 -> d2', 'upgrade d1, d2 -> e', 'upgrade e -> f']
        CROSS  | ['upgrade <base> -> m1', 'upgrade m1 -> m2', 'upgrade <base> -> a1', 'upgrade a1 -> a2']
    }

    def "upgrade fails with #type.simpleName for '#target' from #current: #message"() {
        when:
        new Planner(graph(*specs)).upgrade(current, target)

        then:
        def e = thrown(type)
        e.message == message

        where:
        specs    | current      | target   | type                      | message
        BRANCHED | []           | 'head'   | MultipleHeadsException    | "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: d1 (versions/d1.groovy:1), d2 (versions/d2.groovy:1)"
        CROSS    | []           | 'head'   | MultipleHeadsException    | "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: a2 (versions/a2.groovy:1), m2 (versions/m2.groovy:1)"
        LINEAR   | ['b']        | '-2'     | RelativeRevisionException | "Relative revision -2 didn't produce 2 migrations: an upgrade walks up, so use a positive number (or downgrade -2)"
        LINEAR   | ['b']        | '+5'     | RelativeRevisionException | "Relative revision +5 didn't produce 5 migrations: nothing is above e (versions/e.groovy:1)"
        BRANCHED | ['c1', 'c2'] | '+1'     | AmbiguousWalkException    | "Ambiguous upgrade from multiple current revisions: c1 (versions/c1.groovy:1), c2 (versions/c2.groovy:1); name a branch, as in '<label>@+1', or a revision, as in '<rev>+1'"
        LINEAR   | []           | 'a:c'    | InvalidTargetException    | "Range revision not allowed: 'a:c' is a start:end range, which only offline (--sql) plans accept"
    }

    def "a version row naming no known revision stops planning with a VERSION_TABLE error"() {
        when:
        new Planner(graph(*LINEAR)).upgrade(['c', 'cafe0000'], 'heads')

        then:
        def e = thrown(UnknownVersionException)
        e.code() == ErrorCode.VERSION_TABLE
        e.revision() == 'cafe0000'
        e.message == "the version table holds revision 'cafe0000', which no migration script defines (was a script deleted or renamed, or is this database from another project?); restore its script, or rewrite the table with 'retort stamp --purge'"
    }

    def "repeated rows count once"() {
        when:
        def plan = new Planner(graph(*LINEAR)).upgrade(['c', 'c'], 'e')

        then:
        steps(plan) == ['d c>d', 'e d>e']
        plan.startHeads() == ['c']
    }

    def "upgrading a 10,000-revision chain from base to head is one step per revision"() {
        given:
        def planner = new Planner(RevisionGraph.of(chain(10_000)))

        when:
        def plan = planner.upgrade([], 'head')

        then:
        plan.steps().size() == 10_000
        steps(plan).first() == 'r0 +r0'
        steps(plan).last() == 'r9999 r9998>r9999'
        plan.endHeads() == ['r9999']

        when:
        def rest = planner.upgrade(['r9000'], '+999')

        then:
        rest.steps().size() == 999
        rest.endHeads() == ['r9999']
    }
}
