package dev.retort.dialect

import dev.retort.operation.CreateSequence
import dev.retort.operation.CreateView
import dev.retort.operation.DropSequence
import dev.retort.operation.DropView
import spock.lang.Specification

import static dev.retort.dialect.Ops.*

class SequenceAndViewSqlSpec extends Specification {

    def "#op.describe(): #onPg"() {
        expect:
        oneSql(H2, op) == onH2
        oneSql(PG, op) == onPg

        where:
        op                                                          || onH2                                                        | onPg
        new CreateSequence('book_seq', null, null, AT)              || 'CREATE SEQUENCE "BOOK_SEQ"'                                | 'CREATE SEQUENCE "book_seq"'
        new CreateSequence('book_seq', 100, null, AT)               || 'CREATE SEQUENCE "BOOK_SEQ" START WITH 100'                 | 'CREATE SEQUENCE "book_seq" START WITH 100'
        new CreateSequence('book_seq', null, 5, AT)                 || 'CREATE SEQUENCE "BOOK_SEQ" INCREMENT BY 5'                 | 'CREATE SEQUENCE "book_seq" INCREMENT BY 5'
        new CreateSequence('Book Seq', 1000, -10, AT)               || 'CREATE SEQUENCE "Book Seq" START WITH 1000 INCREMENT BY -10' | 'CREATE SEQUENCE "Book Seq" START WITH 1000 INCREMENT BY -10'
        new DropSequence('book_seq', null, AT)                      || 'DROP SEQUENCE "BOOK_SEQ"'                                  | 'DROP SEQUENCE "book_seq"'
        new CreateView('cheap_books', 'select * from books where price < 10', AT) || 'CREATE VIEW "CHEAP_BOOKS" AS select * from books where price < 10' | 'CREATE VIEW "cheap_books" AS select * from books where price < 10'
        new CreateView('cheap_books', '\n  select 1\n', AT)         || 'CREATE VIEW "CHEAP_BOOKS" AS select 1'                     | 'CREATE VIEW "cheap_books" AS select 1'
        new DropView('cheap_books', null, AT)                       || 'DROP VIEW "CHEAP_BOOKS"'                                   | 'DROP VIEW "cheap_books"'
    }
}
