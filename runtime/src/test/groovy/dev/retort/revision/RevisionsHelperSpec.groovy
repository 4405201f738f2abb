package dev.retort.revision

import spock.lang.Specification

import static dev.retort.revision.Revisions.rev

class RevisionsHelperSpec extends Specification {

    def "the test notation reads ids, parents, dependencies and labels"() {
        when:
        def r = rev(spec)

        then:
        r.id() == id
        r.downRevisions() == parents
        r.dependsOn() == needs
        r.branchLabels() == labels
        r.file() == "versions/${id}.groovy"

        where:
        spec                                | id   | parents      | needs          | labels
        'a1'                                | 'a1' | []           | []             | []
        'b2 <- a1'                          | 'b2' | ['a1']       | []             | []
        'm <- b2, x'                        | 'm'  | ['b2', 'x']  | []             | []
        'a2 <- a1 needs m2, lib'            | 'a2' | ['a1']       | ['m2', 'lib']  | []
        'c1 <- b labels c1branch'           | 'c1' | ['b']        | []             | ['c1branch']
        'l1 labels lib, core'               | 'l1' | []           | []             | ['lib', 'core']
        'd1 needs a3, b2, c1'               | 'd1' | []           | ['a3', 'b2', 'c1'] | []
        'x <- a needs b labels y'           | 'x'  | ['a']        | ['b']          | ['y']
        'ab-cd <- a1'                       | 'ab-cd' | ['a1']    | []             | []
    }
}
