package dev.retort.plan

import dev.retort.revision.InvalidTargetException
import spock.lang.Specification

import static dev.retort.plan.Plans.replay
import static dev.retort.plan.Plans.steps
import static dev.retort.revision.Fixtures.BRANCHED
import static dev.retort.revision.Fixtures.LINEAR
import static dev.retort.revision.Revisions.graph

class RangePlanSpec extends Specification {

    def "offline upgrade '#range' starts from the range's start as the rows"() {
        when:
        def plan = new Planner(graph(*specs)).upgradeRange(range)

        then:
        steps(plan) == expected
        plan.startHeads() == start
        plan.endHeads() == end
        replay(plan) == end as Set

        where:
        specs    | range                        | expected                                        | start  | end
        LINEAR   | 'b:d'                        | ['c b>c', 'd c>d']                              | ['b']  | ['d']
        LINEAR   | ':c'                         | ['a +a', 'b a>b', 'c b>c']                      | []     | ['c']
        LINEAR   | 'base:c'                     | ['a +a', 'b a>b', 'c b>c']                      | []     | ['c']
        LINEAR   | 'c'                          | ['a +a', 'b a>b', 'c b>c']                      | []     | ['c']
        LINEAR   | 'c:a'                        | []                                              | ['c']  | ['c']
        LINEAR   | 'b:+2'                       | ['c b>c', 'd c>d']                              | ['b']  | ['d']
        BRANCHED | 'd1:d2'                      | ['c2 +c2', 'd2 c2>d2']                          | ['d1'] | ['d1', 'd2']
        BRANCHED | 'c1branch@base:heads'        | ['a +a', 'b a>b', 'c1 b>c1', 'd1 c1>d1']        | []     | ['d1']
        BRANCHED | 'c2@base:heads'              | ['a +a', 'b a>b', 'c2 b>c2', 'd2 c2>d2']        | []     | ['d2']
    }

    def "offline downgrade '#range' starts from the range's start as the rows"() {
        when:
        def plan = new Planner(graph(*LINEAR)).downgradeRange(range)

        then:
        steps(plan) == expected
        plan.startHeads() == start
        plan.endHeads() == end

        where:
        range     | expected                          | start  | end
        'd:b'     | ['d d>c', 'c c>b']                | ['d']  | ['b']
        'c:base'  | ['c c>b', 'b b>a', 'a -a']        | ['c']  | []
        'e:-2'    | ['e e>d', 'd d>c']                | ['e']  | ['c']
        ':base'   | []                                | []     | []
    }

    def "a malformed or impossible range is refused: '#range'"() {
        when:
        def planner = new Planner(graph(*specs))
        downgrade ? planner.downgradeRange(range) : planner.upgradeRange(range)

        then:
        def e = thrown(InvalidTargetException)
        e.message == message

        where:
        specs    | downgrade | range                          | message
        LINEAR   | true      | 'c'                            | "downgrade with --sql requires <fromrev>:<torev>, got 'c'"
        LINEAR   | true      | 'c:'                           | "downgrade with --sql requires <fromrev>:<torev>, got 'c:'"
        LINEAR   | false     | 'a:'                           | "upgrade with --sql requires <fromrev>:<torev>, got 'a:'"
        LINEAR   | false     | 'a:b:c'                        | "upgrade with --sql requires <fromrev>:<torev>, got 'a:b:c'"
        LINEAR   | true      | 'b:d'                          | 'Destination d is not a valid downgrade target from current head(s): d is newer than the current revision(s) b; use upgrade to go there'
        BRANCHED | false     | 'c2branch@base:c1branch@head'  | "Destination c1branch@head is not a valid upgrade target from current head(s): none of it is on branch 'c2branch' named by the range start c2branch@base"
    }
}
