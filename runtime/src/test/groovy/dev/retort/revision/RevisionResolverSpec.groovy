package dev.retort.revision

import dev.retort.api.ErrorCode
import spock.lang.Shared
import spock.lang.Specification

import static dev.retort.revision.Fixtures.LINEAR
import static dev.retort.revision.Fixtures.MERGED
import static dev.retort.revision.Revisions.graph
import static dev.retort.revision.Revisions.ids

class RevisionResolverSpec extends Specification {

    /**
     * A trunk that branches into app and library, plus an unrelated root with a three-character id:
     * <pre>
     *   aaaa1111 - bbbb2222 - cccc3333 (app) - dddd4444
     *                       \ ccdd5555 (library) - ddee6666
     *   xyz - xyz2 (tool)
     * </pre>
     */
    static final List<String> PROJECT = ['aaaa1111', 'bbbb2222 <- aaaa1111', 'cccc3333 <- bbbb2222 labels app',
                                         'dddd4444 <- cccc3333', 'ccdd5555 <- bbbb2222 labels library',
                                         'ddee6666 <- ccdd5555', 'xyz', 'xyz2 <- xyz labels tool']

    @Shared
    RevisionResolver project = new RevisionResolver(graph(*PROJECT))

    static String at(String id) {
        "$id (versions/${id}.groovy:1)"
    }

    def "'#identifier' resolves to #expected"() {
        expect:
        ids(project.resolve(identifier)) == expected

        where:
        identifier            | expected
        'aaaa1111'            | ['aaaa1111']
        'aaaa'                | ['aaaa1111']
        'a'                   | ['aaaa1111']
        'bbbb2'               | ['bbbb2222']
        'app'                 | ['cccc3333']
        'library'             | ['ccdd5555']
        'libr'                | ['ccdd5555']
        'lib'                 | ['ccdd5555']
        'tool'                | ['xyz2']
        'xyz'                 | ['xyz']
        'xyz2'                | ['xyz2']
        'heads'               | ['dddd4444', 'ddee6666', 'xyz2']
        'base'                | []
        'app@head'            | ['dddd4444']
        'library@head'        | ['ddee6666']
        'cccc@head'           | ['dddd4444']
        'tool@head'           | ['xyz2']
        'xyz@head'            | ['xyz2']
        'app@heads'           | ['dddd4444']
        'aaaa1111@heads'      | ['dddd4444', 'ddee6666']
        'app@base'            | []
        'app@bbbb2222'        | ['bbbb2222']
        'app@dddd'            | ['dddd4444']
        'app@dd'              | ['dddd4444']
        'library@dd'          | ['ddee6666']
        'app@app'             | ['cccc3333']
        'cccc3333+1'          | ['dddd4444']
        'app@bbbb2222+1'      | ['cccc3333']
        'library@bbbb2222+1'  | ['ccdd5555']
        'dddd4444-2'          | ['bbbb2222']
        'dddd4444-3'          | ['aaaa1111']
        'dddd4444-4'          | []
        'app@head-1'          | ['cccc3333']
        'app@base+1'          | ['aaaa1111']
        'app@base+3'          | ['cccc3333']
        'library@base+4'      | ['ddee6666']
        'tool@base+2'         | ['xyz2']
        'aaaa1111+0'          | ['aaaa1111']
        'xyz2-1'              | ['xyz']
    }

    def "'#identifier' fails with #type.simpleName: #message"() {
        when:
        project.resolve(identifier)

        then:
        def e = thrown(RevisionResolutionException)
        e.class == type
        e.message == message
        e.code() == ErrorCode.TARGET

        where:
        identifier         | type                        | message
        'zzzz'             | UnknownRevisionException    | "No such revision or branch 'zzzz'"
        'zz'               | UnknownRevisionException    | "No such revision or branch 'zz'; please ensure at least four characters are present for partial revision identifier matches"
        'ap'               | UnknownRevisionException    | "No such revision or branch 'ap'; please ensure at least four characters are present for partial revision identifier matches"
        'c'                | AmbiguousRevisionException  | "Multiple revisions start with 'c': 'cccc3333' (versions/cccc3333.groovy:1), 'ccdd5555' (versions/ccdd5555.groovy:1)"
        'dd'               | AmbiguousRevisionException  | "Multiple revisions start with 'dd': 'dddd4444' (versions/dddd4444.groovy:1), 'ddee6666' (versions/ddee6666.groovy:1)"
        'head'             | MultipleHeadsException      | "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: ${at('dddd4444')}, ${at('ddee6666')}, ${at('xyz2')}"
        'aaaa1111@head'    | MultipleHeadsException      | "Multiple head revisions are present for given argument 'aaaa1111@head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: ${at('dddd4444')}, ${at('ddee6666')}"
        'head-1'           | MultipleHeadsException      | "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads: ${at('dddd4444')}, ${at('ddee6666')}, ${at('xyz2')}"
        'nope@head'        | UnknownBranchException      | "No such branch: 'nope'"
        'app@ddee6666'     | NotOnBranchException        | "Revision ${at('ddee6666')} is not a member of branch 'app' (declared by cccc3333)"
        'app@xyz'          | NotOnBranchException        | "Revision ${at('xyz')} is not a member of branch 'app' (declared by cccc3333)"
        'cccc3333@ddee'    | NotOnBranchException        | "Revision ${at('ddee6666')} is not a member of branch 'cccc3333'"
        'app@zzzz'         | UnknownRevisionException    | "No such revision or branch 'zzzz'"
        'app@'             | UnknownRevisionException    | "No such revision or branch ''; please ensure at least four characters are present for partial revision identifier matches"
        'dddd4444+1'       | RelativeRevisionException   | "Walked too far resolving 'dddd4444+1': nothing is above ${at('dddd4444')}"
        'app@dddd4444+1'   | RelativeRevisionException   | "Walked too far resolving 'app@dddd4444+1': nothing on the branch is above ${at('dddd4444')}"
        'dddd4444-5'       | RelativeRevisionException   | "Walked too far resolving 'dddd4444-5': the walk goes below base"
        'bbbb2222+1'       | AmbiguousWalkException      | "Ambiguous walk for 'bbbb2222+1': ${at('bbbb2222')} is a branch point with children ${at('cccc3333')}, ${at('ccdd5555')}; name a branch, as in '<label>@bbbb2222+1'"
        'base+1'           | AmbiguousWalkException      | "Ambiguous walk for 'base+1': there are several bases: ${at('aaaa1111')}, ${at('xyz')}; name a branch, as in '<label>@base+1'"
        '+1'               | InvalidTargetException      | "'+1' is relative to the current revisions; it is only valid as an upgrade or downgrade target"
        'app@-1'           | InvalidTargetException      | "'app@-1' is relative to the current revisions; it is only valid as an upgrade or downgrade target"
    }

    def "resolveOne refuses several revisions and gives empty for base"() {
        expect:
        project.resolveOne('base').isEmpty()
        project.resolveOne('app@head').get().id() == 'dddd4444'

        when:
        project.resolveOne('heads')

        then:
        def e = thrown(MultipleHeadsException)
        e.argument() == 'heads'
        e.heads() == ['dddd4444', 'ddee6666', 'xyz2']
    }

    def "revision() takes an id, label or prefix"() {
        expect:
        project.revision(key).id() == id

        where:
        key        | id
        'app'      | 'cccc3333'
        'ccdd'     | 'ccdd5555'
        'xyz'      | 'xyz'
    }

    def "with a single head, head, heads and base walks behave like a chain: '#identifier'"() {
        expect:
        ids(new RevisionResolver(graph(*LINEAR)).resolve(identifier)) == expected

        where:
        identifier | expected
        'head'     | ['e']
        'heads'    | ['e']
        'head-1'   | ['d']
        'heads-1'  | ['d']
        'base+1'   | ['a']
        'base+5'   | ['e']
        'base+0'   | []
        'a+4'      | ['e']
        'e-5'      | []
    }

    def "walking off a single chain says where the walk stopped"() {
        when:
        new RevisionResolver(graph(*LINEAR)).resolve(identifier)

        then:
        def e = thrown(RelativeRevisionException)
        e.message == message

        where:
        identifier | message
        'head+1'   | "Walked too far resolving 'head+1': nothing is above e (versions/e.groovy:1)"
        'base+6'   | "Walked too far resolving 'base+6': nothing is above e (versions/e.groovy:1)"
        'base-1'   | "Walked too far resolving 'base-1': the walk goes below base"
        'e-6'      | "Walked too far resolving 'e-6': the walk goes below base"
    }

    def "walking down through a merge point is ambiguous unless a branch settles it"() {
        given:
        def resolver = new RevisionResolver(graph(*MERGED))

        expect:
        ids(resolver.resolve('c2branch@e-1')) == ['d2']
        ids(resolver.resolve('c2branch@f-3')) == ['c2']

        when:
        resolver.resolve('f-2')

        then:
        def e = thrown(AmbiguousWalkException)
        e.message == "Ambiguous walk for 'f-2': e (versions/e.groovy:1) is a merge point of d1 (versions/d1.groovy:1), d2 (versions/d2.groovy:1); name a branch, as in '<label>@f-2'"
    }

    def "in an empty graph head and heads name nothing"() {
        given:
        def resolver = new RevisionResolver(RevisionGraph.of([]))

        expect:
        resolver.resolve('head').isEmpty()
        resolver.resolve('heads').isEmpty()
        resolver.resolve('base').isEmpty()
    }

    def "a prefix matching an id and a label of the same revision is not ambiguous"() {
        expect:
        ids(new RevisionResolver(graph('abcd1234 labels abcdef')).resolve('abcd')) == ['abcd1234']
    }

    def "an ambiguous prefix lists every candidate, sorted, including labels"() {
        given:
        def resolver = new RevisionResolver(graph('ffff0005', 'ffff0002', 'ffff0004 labels ffffeed', 'ffff0001', 'ffff0003'))

        when:
        resolver.resolve('ffff')

        then:
        def e = thrown(AmbiguousRevisionException)
        e.candidates() == ['ffff0001', 'ffff0002', 'ffff0003', 'ffff0004', 'ffff0005', 'ffffeed']
        e.message == "Multiple revisions start with 'ffff': " + (1..5).collect { "'ffff000$it' (versions/ffff000${it}.groovy:1)" }.join(', ') +
                ", 'ffffeed' (branch label of ffff0004, versions/ffff0004.groovy:1)"
    }

    def "a 10,000-step walk is iterative"() {
        given:
        def resolver = new RevisionResolver(RevisionGraph.of(Revisions.chain(10_000)))

        expect:
        ids(resolver.resolve('r9999-9999')) == ['r0']
        ids(resolver.resolve('base+10000')) == ['r9999']
        ids(resolver.resolve('head')) == ['r9999']
    }
}
