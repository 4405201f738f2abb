package dev.retort.api

import spock.lang.Specification

class MaskedUrlSpec extends Specification {

    def "a URL on its own is masked to the end of each password value: #url"() {
        expect:
        MaskedUrl.of(url) == masked
        MaskedUrl.secretsIn(url) == secrets

        where:
        url                                                       || masked                                                | secrets
        'jdbc:postgresql://h/db?user=a&password=se:cr?et&ssl=1'   || 'jdbc:postgresql://h/db?user=a&password=****&ssl=1'   | ['se:cr?et']
        'jdbc:h2:file:/x;USER=sa;PASSWORD=Se:cret;MODE=PG'        || 'jdbc:h2:file:/x;USER=sa;PASSWORD=****;MODE=PG'       | ['Se:cret']
        'jdbc:mysql://app:s3cret@h/db'                            || 'jdbc:mysql://app:****@h/db'                          | ['s3cret']
        'jdbc:postgresql://h/db'                                  || 'jdbc:postgresql://h/db'                              | []
    }

    def "in a message the URL is masked, its ': reason' kept, and every known secret removed"() {
        expect:
        MaskedUrl.scrub('cannot connect to jdbc:postgresql://h/db?password=abc: refused by xyz1', ['xyz1']) ==
                'cannot connect to jdbc:postgresql://h/db?password=****: refused by ****'
        MaskedUrl.scrub('no pool for jdbc:postgresql://h/db?password=ab:cd (rejected ab:cd)', ['ab:cd']) ==
                'no pool for jdbc:postgresql://h/db?password=**** (rejected ****)'
    }
}
