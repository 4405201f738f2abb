package dev.retort.revision

import spock.lang.Specification

import static dev.retort.revision.Fixtures.BRANCHED
import static dev.retort.revision.Fixtures.LIBRARY
import static dev.retort.revision.Fixtures.LINEAR
import static dev.retort.revision.Revisions.graph
import static dev.retort.revision.Revisions.ids

class TargetResolverSpec extends Specification {

    static String at(String id) {
        "$id (versions/${id}.groovy:1)"
    }

    private static TargetResolver resolver(List<String> specs) {
        new TargetResolver(graph(*specs))
    }

    private static List<Revision> current(TargetResolver targets, List<String> rows) {
        rows.collect { targets.revisions().graph().get(it) }
    }

    def "upgrade target '#target' from #rows is #expected"() {
        given:
        def targets = resolver(specs)

        expect:
        ids(targets.upgradeTargets(current(targets, rows), target)) == expected

        where:
        specs    | rows           | target              | expected
        LINEAR   | ['a']          | '+2'                | ['c']
        LINEAR   | ['a']          | '+1'                | ['b']
        LINEAR   | ['b']          | '+3'                | ['e']
        LINEAR   | []             | '+1'                | ['a']
        LINEAR   | ['a']          | 'b+2'               | ['d']
        LINEAR   | ['a']          | 'd-2'               | ['b']
        LINEAR   | ['c']          | 'heads'             | ['e']
        LINEAR   | ['c']          | 'a'                 | ['a']
        BRANCHED | ['c1', 'c2']   | 'c2branch@+1'       | ['d2']
        BRANCHED | ['c1']         | 'c2branch@+1'       | ['c2']
        BRANCHED | ['d2']         | 'c1branch@+1'       | ['c1']
        BRANCHED | ['b']          | 'c2branch@head-1'   | ['c2']
        BRANCHED | []             | 'c1branch@+3'       | ['c1']
        BRANCHED | []             | 'base+1'            | ['a']
        BRANCHED | ['d1']         | 'heads'             | ['d1', 'd2']
    }

    def "upgrade target '#target' from #rows fails: #message"() {
        given:
        def targets = resolver(specs)

        when:
        targets.upgradeTargets(current(targets, rows), target)

        then:
        def e = thrown(type)
        e.message == message

        where:
        specs    | rows         | target        | type                       | message
        LINEAR   | ['b']        | '-2'          | RelativeRevisionException  | "Relative revision -2 didn't produce 2 migrations: an upgrade walks up, so use a positive number (or downgrade -2)"
        LINEAR   | ['b']        | '+5'          | RelativeRevisionException  | "Relative revision +5 didn't produce 5 migrations: nothing is above ${at('e')}"
        BRANCHED | ['d1']       | 'c1branch@+1' | RelativeRevisionException  | "Relative revision +1 didn't produce 1 migrations: nothing on the branch is above ${at('d1')}"
        BRANCHED | ['c1', 'c2'] | '+1'          | AmbiguousWalkException     | "Ambiguous upgrade from multiple current revisions: ${at('c1')}, ${at('c2')}; name a branch, as in '<label>@+1', or a revision, as in '<rev>+1'"
        BRANCHED | ['b']        | '+1'          | AmbiguousWalkException     | "Ambiguous walk for '+1': ${at('b')} is a branch point with children ${at('c1')}, ${at('c2')}; name a branch, as in '<label>@+1'"
        BRANCHED | ['b']        | 'nope@+1'     | UnknownBranchException     | "No such branch: 'nope'"
    }

    def "downgrade target '#target' from #rows is #expected within branch #branch"() {
        given:
        def targets = resolver(specs)

        when:
        def destination = targets.downgradeTarget(current(targets, rows), target)

        then:
        ids(destination.revisions()) == expected
        destination.isBase() == expected.isEmpty()
        destination.branch().map { it.id() }.orElse(null) == branch
        destination.argument() == target

        where:
        specs    | rows         | target               | expected | branch
        LINEAR   | ['c']        | '-1'                 | ['b']    | 'c'
        LINEAR   | ['e']        | '-3'                 | ['b']    | 'e'
        LINEAR   | ['a']        | '-1'                 | []       | 'a'
        LINEAR   | ['d']        | 'a+2'                | ['c']    | null
        LINEAR   | ['d']        | 'c-2'                | ['a']    | null
        LINEAR   | ['c']        | 'b'                  | ['b']    | null
        LINEAR   | ['c']        | 'base'               | []       | null
        BRANCHED | ['d1', 'd2'] | 'c1branch@-1'        | ['c1']   | 'c1'
        BRANCHED | ['d2', 'd1'] | 'c2branch@base+2'    | ['b']    | 'c2'
        BRANCHED | ['d2', 'd1'] | 'c2branch@base+3'    | ['c2']   | 'c2'
        BRANCHED | ['c1', 'd2'] | 'c1branch@b'         | ['b']    | 'c1'
        BRANCHED | ['d1', 'd2'] | 'd1@b'               | ['b']    | 'd1'
        BRANCHED | ['d1', 'd2'] | 'c1branch@head-1'    | ['c1']   | 'c1'
        BRANCHED | ['d1', 'd2'] | 'c2branch@head'      | ['d2']   | 'c2'
        BRANCHED | ['d1', 'd2'] | 'c2branch@base'      | []       | 'c2'
        LIBRARY  | ['p2']       | 'lib@-1'             | ['l1']   | 'l1'
        LIBRARY  | ['p2']       | 'app@-1'             | ['p1']   | 'p1'
    }

    def "downgrade target '#target' from #rows fails: #message"() {
        given:
        def targets = resolver(specs)

        when:
        targets.downgradeTarget(current(targets, rows), target)

        then:
        def e = thrown(type)
        e.message == message

        where:
        specs    | rows         | target        | type                       | message
        LINEAR   | ['b']        | '-5'          | RelativeRevisionException  | "Relative revision -5 didn't produce 5 migrations: the walk goes below base"
        LINEAR   | ['b']        | '+2'          | RelativeRevisionException  | "Relative revision +2 didn't produce 2 migrations: a downgrade walks down, so use a negative number (or upgrade +2)"
        LINEAR   | []           | '-1'          | RelativeRevisionException  | "Relative revision -1 didn't produce 1 migrations: no revision is applied"
        BRANCHED | ['d2', 'd1'] | '-1'          | AmbiguousWalkException     | "Ambiguous downgrade from multiple current revisions: ${at('d2')}, ${at('d1')}; name a branch, as in '<label>@-1', or a revision, as in 'd2-1'"
        BRANCHED | ['c2']       | 'c1branch@-1' | RelativeRevisionException  | "Relative revision -1 didn't produce 1 migrations: no revision of branch 'c1branch' is applied"
        BRANCHED | ['d1', 'd2'] | 'b@-1'        | AmbiguousWalkException     | "Ambiguous walk for 'b@-1': branch 'b' has several current revisions: ${at('d1')}, ${at('d2')}"
        BRANCHED | ['d1', 'd2'] | 'c2branch@d1' | NotOnBranchException       | "Revision ${at('d1')} is not a member of branch 'c2branch' (declared by c2)"
        BRANCHED | ['d1', 'd2'] | 'head'        | MultipleHeadsException     | "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: ${at('d1')}, ${at('d2')}"
    }

    def "stamp target '#target' from #rows is #expected within branch #branch"() {
        given:
        def targets = resolver(specs)

        when:
        def destination = targets.stampTarget(current(targets, rows), target)

        then:
        ids(destination.revisions()) == expected
        destination.branch().map { it.id() }.orElse(null) == branch

        where:
        specs    | rows         | target            | expected      | branch
        BRANCHED | []           | 'heads'           | ['d1', 'd2']  | null
        BRANCHED | ['d1', 'c2'] | 'c1branch@base'   | []            | 'c1'
        BRANCHED | ['d1', 'c2'] | 'c2branch@head'   | ['d2']        | 'c2'
        LINEAR   | ['c']        | '-1'              | ['b']         | 'c'
        LINEAR   | ['c']        | '+1'              | ['d']         | null
        LINEAR   | ['c']        | 'base'            | []            | null
    }

    def "stamp head with several heads uses the stamp wording and names the heads"() {
        when:
        resolver(BRANCHED).stampTarget([], 'head')

        then:
        def e = thrown(MultipleHeadsException)
        e.message == "Multiple heads are present; please specify a single target revision: ${at('d1')}, ${at('d2')}"
        e.heads() == ['d1', 'd2']
    }
}
