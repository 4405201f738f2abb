package dev.retort.plan

import dev.retort.revision.MultipleHeadsException
import spock.lang.Specification

import static dev.retort.plan.Plans.noRowImplied
import static dev.retort.plan.Plans.replay
import static dev.retort.plan.Plans.steps
import static dev.retort.revision.Fixtures.*
import static dev.retort.revision.Revisions.graph

class StampPlanSpec extends Specification {

    /** DependsOnBranchTestOne: c2 depends on c1 of another root, whose line continues to f1. */
    static final List<String> DEP_ONE = ['a1 labels lib1', 'b1 <- a1', 'c1 <- b1', 'a2', 'b2 <- a2', 'c2 <- b2 needs c1',
                                         'd1 <- c1', 'e1 <- d1', 'f1 <- e1']

    def "#name: stamp #current to #targets writes #expected and leaves #end, running nothing"() {
        given:
        def g = graph(*specs)

        when:
        def plan = new Planner(g).stamp(current, targets, false)

        then:
        steps(plan) == expected
        plan.steps()*.direction() == directions
        plan.steps().every { it.stampOnly() && !it.runsMigration() }
        plan.endHeads() == end
        replay(plan) == end as Set
        noRowImplied(g, plan.endHeads())

        where:
        name       | specs    | current      | targets                 | expected                        | directions                  | end
        'LINEAR'   | LINEAR   | []           | ['c']                   | ['c +c']                        | [Direction.UPGRADE]         | ['c']
        'LINEAR'   | LINEAR   | ['c']        | ['e']                   | ['e c>e']                       | [Direction.UPGRADE]         | ['e']
        'LINEAR'   | LINEAR   | ['e']        | ['b']                   | ['b e>b']                       | [Direction.DOWNGRADE]       | ['b']
        'LINEAR'   | LINEAR   | ['d']        | ['base']                | ['d -d']                        | [Direction.DOWNGRADE]       | []
        'LINEAR'   | LINEAR   | ['d']        | []                      | ['d -d']                        | [Direction.DOWNGRADE]       | []
        'LINEAR'   | LINEAR   | ['c']        | ['c']                   | []                              | []                          | ['c']
        'LINEAR'   | LINEAR   | ['c']        | ['head']                | ['e c>e']                       | [Direction.UPGRADE]         | ['e']
        'LINEAR'   | LINEAR   | ['c']        | ['-1']                  | ['b c>b']                       | [Direction.DOWNGRADE]       | ['b']
        'LINEAR'   | LINEAR   | ['c']        | ['+1']                  | ['d c>d']                       | [Direction.UPGRADE]         | ['d']
        'BRANCHED' | BRANCHED | ['d1', 'c2'] | ['b']                   | ['b -d1 c2>b']                  | [Direction.DOWNGRADE]       | ['b']
        'BRANCHED' | BRANCHED | ['d1', 'c2'] | ['a']                   | ['a -d1 c2>a']                  | [Direction.DOWNGRADE]       | ['a']
        'BRANCHED' | BRANCHED | ['d1', 'c2'] | ['c1branch@base']       | ['d1 -d1']                      | [Direction.DOWNGRADE]       | ['c2']
        'BRANCHED' | BRANCHED | ['d1', 'c2'] | ['c2branch@head']       | ['d2 c2>d2']                    | [Direction.UPGRADE]         | ['d1', 'd2']
        'BRANCHED' | BRANCHED | []           | ['heads']               | ['d1 +d1', 'd2 +d2']            | [Direction.UPGRADE] * 2     | ['d1', 'd2']
        'BRANCHED' | BRANCHED | ['d1', 'd2'] | ['heads']               | []                              | []                          | ['d1', 'd2']
        'BRANCHED' | BRANCHED | ['b']        | ['heads']               | ['d1 b>d1', 'd2 +d2']           | [Direction.UPGRADE] * 2     | ['d1', 'd2']
        'BRANCHED' | BRANCHED | []           | ['d1', 'c2']            | ['d1 +d1', 'c2 +c2']            | [Direction.UPGRADE] * 2     | ['d1', 'c2']
        'BRANCHED' | BRANCHED | ['d1', 'd2'] | ['c2branch@base', 'c1'] | ['d2 -d2', 'c1 d1>c1']          | [Direction.DOWNGRADE] * 2   | ['c1']
        'MERGED'   | MERGED   | ['e']        | ['c2']                  | ['c2 e>c2']                     | [Direction.DOWNGRADE]       | ['c2']
        'MERGED'   | MERGED   | ['e']        | ['a']                   | ['a e>a']                       | [Direction.DOWNGRADE]       | ['a']
        'MERGED'   | MERGED   | ['c2']       | ['e']                   | ['e c2>e']                      | [Direction.UPGRADE]         | ['e']
        'MERGED'   | MERGED   | ['d1', 'c2'] | ['c2branch@head']       | ['f -d1 c2>f']                  | [Direction.UPGRADE]         | ['f']
        'MERGED'   | MERGED   | ['d1', 'c2'] | ['e']                   | ['e -d1 c2>e']                  | [Direction.UPGRADE]         | ['e']
        'MERGED'   | MERGED   | ['b']        | ['e']                   | ['e b>e']                       | [Direction.UPGRADE]         | ['e']
        'FOREST'   | FOREST   | []           | ['heads']               | ['b1 +b1', 'b2 +b2']            | [Direction.UPGRADE] * 2     | ['b1', 'b2']
        'FOREST'   | FOREST   | ['b1', 'b2'] | ['heads']               | []                              | []                          | ['b1', 'b2']
        'FOREST'   | FOREST   | ['b1', 'b2'] | ['a2']                  | ['a2 b2>a2']                    | [Direction.DOWNGRADE]       | ['b1', 'a2']
        'CROSS'    | CROSS    | []           | ['heads']               | ['a2 +a2']                      | [Direction.UPGRADE]         | ['a2']
        'CROSS'    | CROSS    | ['a2']       | ['m1']                  | ['m1 a2>m1']                    | [Direction.DOWNGRADE]       | ['m1']
        'DEP_ONE'  | DEP_ONE  | ['e1', 'c2'] | ['b1']                  | ['b1 -e1 c2>b1']                | [Direction.DOWNGRADE]       | ['b1']
    }

    def "stamp steps describe the rows they move between"() {
        when:
        def plan = new Planner(graph(*BRANCHED)).stamp(['d1', 'c2'], ['b'], false)

        then:
        plan.steps()*.describe() == ['stamp d1, c2 -> b']
    }

    def "purge deletes every row first, even rows no script defines, then stamps"() {
        when:
        def plan = new Planner(graph(*BRANCHED)).stamp(['cafe0000', 'd1'], ['c1'], true)

        then:
        steps(plan) == ['cafe0000 -cafe0000', 'd1 -d1', 'c1 +c1']
        plan.steps()[0].revision().id() == 'cafe0000'
        plan.steps().every { it.stampOnly() }
        plan.startHeads() == ['cafe0000', 'd1']
        plan.endHeads() == ['c1']
        replay(plan) == ['c1'] as Set
    }

    def "without purge, an unknown row is an error"() {
        when:
        new Planner(graph(*BRANCHED)).stamp(['cafe0000'], ['c1'], false)

        then:
        thrown(UnknownVersionException)
    }

    def "stamp head with several heads keeps Alembic's stamp wording and names the heads"() {
        when:
        new Planner(graph(*BRANCHED)).stamp([], ['head'], false)

        then:
        def e = thrown(MultipleHeadsException)
        e.message == 'Multiple heads are present; please specify a single target revision: d1 (versions/d1.groovy:1), d2 (versions/d2.groovy:1)'
    }
}
