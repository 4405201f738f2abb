package dev.retort.dialect

import spock.lang.Specification

class IdentifierQuotingSpec extends Specification {

    def "#name is quoted #onH2 on H2 and #onPg on PostgreSQL"() {
        expect:
        Ops.H2.quote(name) == onH2
        Ops.PG.quote(name) == onPg

        where:
        name                              || onH2                                   | onPg
        'books'                           || '"BOOKS"'                            | '"books"'
        'author_id'                       || '"AUTHOR_ID"'                        | '"author_id"'
        '_tmp$1'                          || '"_TMP$1"'                           | '"_tmp$1"'
        'order'                           || '"ORDER"'                            | '"order"'
        'Books'                           || '"Books"'                            | '"Books"'
        'BOOKS'                           || '"BOOKS"'                            | '"BOOKS"'
        'bookTitle'                       || '"bookTitle"'                        | '"bookTitle"'
        '1st_edition'                     || '"1st_edition"'                      | '"1st_edition"'
        'first name'                      || '"first name"'                       | '"first name"'
        'café'                            || '"café"'                             | '"café"'
        'a"b'                             || '"a""b"'                             | '"a""b"'
        '"'                               || '""""'                               | '""""'
        'a"; drop table x; --'            || '"a""; drop table x; --"'            | '"a""; drop table x; --"'
    }

    def "#description is rejected"() {
        when:
        dialect.quote(name)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        where:
        description   | dialect | name      || message
        'an empty name' | Ops.H2 | ''        || 'must not be empty'
        'null'        | Ops.PG  | null      || 'must not be empty'
        'NUL on H2'   | Ops.H2  | 'a\u0000b' || 'NUL'
        'NUL on PG'   | Ops.PG  | 'a\u0000b' || 'NUL'
    }

    def "only names all in lower case follow the database's folding"() {
        expect:
        IdentifierCase.isCaseInsensitive(name) == caseInsensitive

        where:
        name         || caseInsensitive
        'books'      || true
        '_x9$'       || true
        'Books'      || false
        'books 2'    || false
        '9books'     || false
        'bücher'     || false
    }
}
