package dev.retort.plan

import dev.retort.revision.AmbiguousWalkException
import dev.retort.revision.InvalidTargetException
import dev.retort.revision.RelativeRevisionException
import dev.retort.revision.RevisionGraph
import spock.lang.Specification

import static dev.retort.plan.Plans.noRowImplied
import static dev.retort.plan.Plans.replay
import static dev.retort.plan.Plans.steps
import static dev.retort.revision.Fixtures.*
import static dev.retort.revision.Revisions.chain
import static dev.retort.revision.Revisions.graph

class DowngradePlanSpec extends Specification {

    /** DependsOnBranchTestOne: c2 depends on c1 of another root, whose line continues to f1. */
    static final List<String> DEP_ONE = ['a1 labels lib1', 'b1 <- a1', 'c1 <- b1', 'a2', 'b2 <- a2', 'c2 <- b2 needs c1',
                                         'd1 <- c1', 'e1 <- d1', 'f1 <- e1']
    /** DependsOnBranchTestFour: b4 repeats a dependency b2 already has. */
    static final List<String> DEP_FOUR = ['a1', 'a2 <- a1', 'a3 <- a2', 'b1', 'b2 <- b1 needs a3', 'b3 <- b2',
                                          'b4 <- b3 needs a3']
    /** DependsOnBranchTestFive: b1 depends on a1, and bmerge merges both. */
    static final List<String> DEP_MERGE = ['a1', 'b1 needs a1', 'bmerge <- a1, b1']

    def "#name: downgrade #current to '#target' runs #expected and leaves #end"() {
        given:
        def g = graph(*specs)

        when:
        def plan = new Planner(g).downgrade(current, target)

        then:
        steps(plan) == expected
        plan.steps().every { it.direction() == Direction.DOWNGRADE && it.runsMigration() }
        plan.endHeads() == end
        replay(plan) == end as Set
        noRowImplied(g, plan.endHeads())

        where:
        name             | specs          | current                                   | target             | expected                                                                                        | end
        'LINEAR'         | LINEAR         | ['e']                                     | 'c'                | ['e e>d', 'd d>c']                                                                              | ['c']
        'LINEAR'         | LINEAR         | ['c']                                     | 'base'             | ['c c>b', 'b b>a', 'a -a']                                                                      | []
        'LINEAR'         | LINEAR         | ['c']                                     | '-1'               | ['c c>b']                                                                                       | ['b']
        'LINEAR'         | LINEAR         | ['e']                                     | '-3'               | ['e e>d', 'd d>c', 'c c>b']                                                                     | ['b']
        'LINEAR'         | LINEAR         | ['d']                                     | 'a+2'              | ['d d>c']                                                                                       | ['c']
        'LINEAR'         | LINEAR         | ['d']                                     | 'c-2'              | ['d d>c', 'c c>b', 'b b>a']                                                                     | ['a']
        'LINEAR'         | LINEAR         | ['a']                                     | '-1'               | ['a -a']                                                                                        | []
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'a'                | ['d1 d1>c1', 'c1 -c1', 'd2 d2>c2', 'c2 c2>b', 'b b>a']                                          | ['a']
        'BRANCHED'       | BRANCHED       | ['d2', 'd1']                              | 'base+2'           | ['d1 d1>c1', 'c1 -c1', 'd2 d2>c2', 'c2 c2>b']                                                   | ['b']
        'BRANCHED'       | BRANCHED       | ['d2', 'd1']                              | 'c2branch@base+2'  | ['d2 d2>c2', 'c2 -c2']                                                                          | ['d1']
        'BRANCHED'       | BRANCHED       | ['d2', 'd1']                              | 'c2'               | ['d2 d2>c2']                                                                                    | ['d1', 'c2']
        'BRANCHED'       | BRANCHED       | ['d2', 'd1']                              | 'c2branch@base+3'  | ['d2 d2>c2']                                                                                    | ['d1', 'c2']
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'c1branch@-1'      | ['d1 d1>c1']                                                                                    | ['c1', 'd2']
        'BRANCHED'       | BRANCHED       | ['d2', 'c1']                              | 'd2-1'             | ['d2 d2>c2']                                                                                    | ['c1', 'c2']
        'BRANCHED'       | BRANCHED       | ['c1', 'd2']                              | 'c1branch@b'       | ['c1 -c1']                                                                                      | ['d2']
        'BRANCHED'       | BRANCHED       | ['c1', 'd2']                              | 'c2branch@b'       | ['d2 d2>c2', 'c2 -c2']                                                                          | ['c1']
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'c2@b'             | ['d2 d2>c2', 'c2 -c2']                                                                          | ['d1']
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'd1@b'             | ['d1 d1>c1', 'c1 -c1']                                                                          | ['d2']
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'c1branch@head-1'  | ['d1 d1>c1']                                                                                    | ['c1', 'd2']
        'BRANCHED'       | BRANCHED       | ['d1', 'd2']                              | 'c1branch@base'    | ['d1 d1>c1', 'c1 -c1', 'd2 d2>c2', 'c2 c2>b', 'b b>a', 'a -a']                                  | []
        'MERGED'         | MERGED         | ['f']                                     | 'b'                | ['f f>e', 'e e>d2 +d1', 'd1 d1>c1', 'c1 -c1', 'd2 d2>c2', 'c2 c2>b']                            | ['b']
        'MERGED'         | MERGED         | ['e']                                     | 'c2'               | ['e e>d2 +d1', 'd2 d2>c2']                                                                      | ['d1', 'c2']
        'MERGED'         | MERGED         | ['e']                                     | 'd1'               | ['e e>d2 +d1']                                                                                  | ['d1', 'd2']
        'DIAMOND'        | DIAMOND        | ['d']                                     | 'a'                | ['d d>c +b', 'b -b', 'c c>a']                                                                   | ['a']
        'CROSS'          | CROSS          | ['a2']                                    | 'm1'               | ['a2 a2>a1 +m2', 'm2 m2>m1']                                                                    | ['a1', 'm1']
        'CROSS'          | CROSS          | ['a2']                                    | 'a1'               | ['a2 a2>a1 +m2']                                                                                | ['a1', 'm2']
        'CROSS'          | CROSS          | ['a2']                                    | 'base'             | ['a2 a2>a1 +m2', 'a1 -a1', 'm2 m2>m1', 'm1 -m1']                                                | []
        'KABOOM'         | KABOOM         | ['amerge', 'bmerge', 'cmerge', 'd1']      | 'b2'               | ['bmerge bmerge>b1']                                                                            | ['amerge', 'b1', 'cmerge', 'd1']
        'KABOOM'         | KABOOM         | ['amerge', 'd1', 'b1', 'cmerge']          | 'd1@base'          | ['d1 d1>b2']                                                                                    | ['amerge', 'b1', 'b2', 'cmerge']
        'KABOOM'         | KABOOM         | ['amerge', 'b1', 'b2', 'cmerge']          | 'base'             | ['amerge amerge>a3 +a1 +a2', 'a1 -a1', 'a2 -a2', 'a3 -a3', 'b1 -b1', 'b2 -b2',
                                                                                                                    'cmerge cmerge>c3 +c1 +c2', 'c1 -c1', 'c2 -c2', 'c3 -c3']                                       | []
        'CRISSCROSS'     | CRISSCROSS     | ['a3', 'b2']                              | 'b1'               | ['b2 -b2']                                                                                      | ['a3']
        'DEP_ONE'        | DEP_ONE        | ['c2', 'd1']                              | 'c1'               | ['d1 -d1']                                                                                      | ['c2']
        'DEP_FOUR'       | DEP_FOUR       | ['b4']                                    | 'b3'               | ['b4 b4>b3']                                                                                    | ['b3']
        'DEP_MERGE'      | DEP_MERGE      | ['bmerge']                                | 'a1'               | ['bmerge bmerge>b1']                                                                            | ['b1']
        'DEP_MERGE'      | DEP_MERGE      | ['bmerge']                                | 'b1'               | ['bmerge bmerge>b1']                                                                            | ['b1']
        'BRANCHED_CROSS' | BRANCHED_CROSS | ['d1', 'd2']                              | 'c2branch@b'       | ['d2 d2>c2', 'c2 -c2']                                                                          | ['d1']
        'BRANCHED_CROSS' | BRANCHED_CROSS | ['d1', 'd2']                              | 'c1branch@b'       | ['d1 -d1', 'd2 d2>c2 +c1', 'c1 -c1']                                                            | ['c2']
        'LIBRARY'        | LIBRARY        | ['p2']                                    | 'lib@base'         | ['p2 p2>p1 +l2', 'l2 l2>l1', 'l1 -l1']                                                          | ['p1']
        'LIBRARY'        | LIBRARY        | ['p2']                                    | 'app@base'         | ['p2 p2>p1 +l2', 'p1 -p1']                                                                      | ['l2']
        'LIBRARY'        | LIBRARY        | ['p2']                                    | 'lib@-1'           | ['p2 p2>p1 +l2', 'l2 l2>l1']                                                                    | ['l1', 'p1']
    }

    def "#name: downgrading to a revision that is applied with nothing above it is a no-op (#target from #current)"() {
        when:
        def plan = new Planner(graph(*specs)).downgrade(current, target)

        then:
        plan.isEmpty()
        plan.endHeads() == current

        where:
        name       | specs    | current       | target
        'LINEAR'   | LINEAR   | ['a']         | 'a'
        'LINEAR'   | LINEAR   | ['e']         | 'e'
        'LINEAR'   | LINEAR   | []            | 'base'
        'BRANCHED' | BRANCHED | ['d1', 'c2']  | 'c2'
        'BRANCHED' | BRANCHED | ['d1', 'c2']  | 'd1'
        'CROSS'    | CROSS    | ['a2']        | 'm2'
    }

    def "steps say what they move between, merges listing every parent"() {
        when:
        def plan = new Planner(graph(*MERGED)).downgrade(['f'], 'c1')

        then:
        plan.steps()*.describe() == ['downgrade f -> e', 'downgrade e -> d1, d2', 'downgrade d1 -> c1']
        plan.endHeads() == ['c1', 'd2']
    }

    def "downgrade fails with #type.simpleName for '#target' from #current: #message"() {
        when:
        new Planner(graph(*specs)).downgrade(current, target)

        then:
        def e = thrown(type)
        e.message == message

        where:
        specs    | current      | target  | type                      | message
        LINEAR   | ['b']        | 'c'     | InvalidTargetException    | 'Destination c is not a valid downgrade target from current head(s): c is newer than the current revision(s) b; use upgrade to go there'
        LINEAR   | []           | 'b'     | InvalidTargetException    | 'Destination b is not a valid downgrade target from current head(s): nothing is applied'
        BRANCHED | ['d1']       | 'c2'    | InvalidTargetException    | 'Destination c2 is not a valid downgrade target from current head(s): c2 is not applied (current revision(s): d1)'
        BRANCHED | ['d1', 'b']  | 'd2'    | InvalidTargetException    | 'Destination d2 is not a valid downgrade target from current head(s): d2 is newer than the current revision(s) d1, b; use upgrade to go there'
        LINEAR   | ['b']        | '-5'    | RelativeRevisionException | "Relative revision -5 didn't produce 5 migrations: the walk goes below base"
        LINEAR   | ['b']        | '+2'    | RelativeRevisionException | "Relative revision +2 didn't produce 2 migrations: a downgrade walks down, so use a negative number (or upgrade +2)"
        LINEAR   | []           | '-1'    | RelativeRevisionException | "Relative revision -1 didn't produce 1 migrations: no revision is applied"
        BRANCHED | ['d2', 'd1'] | '-1'    | AmbiguousWalkException    | "Ambiguous downgrade from multiple current revisions: d2 (versions/d2.groovy:1), d1 (versions/d1.groovy:1); name a branch, as in '<label>@-1', or a revision, as in 'd2-1'"
        LINEAR   | ['e']        | 'e:c'   | InvalidTargetException    | "Range revision not allowed: 'e:c' is a start:end range, which only offline (--sql) plans accept"
    }

    def "a version row naming no known revision stops a downgrade too"() {
        when:
        new Planner(graph(*LINEAR)).downgrade(['zz99'], 'base')

        then:
        def e = thrown(UnknownVersionException)
        e.revision() == 'zz99'
    }

    def "downgrading a 10,000-revision chain to base is one step per revision"() {
        when:
        def plan = new Planner(RevisionGraph.of(chain(10_000))).downgrade(['r9999'], 'base')

        then:
        plan.steps().size() == 10_000
        steps(plan).first() == 'r9999 r9999>r9998'
        steps(plan).last() == 'r0 -r0'
        plan.endHeads() == []
    }
}
