package dev.retort.dialect

import dev.retort.operation.DeleteRows
import dev.retort.operation.InsertRows
import dev.retort.operation.UpdateRows
import spock.lang.Specification

import static dev.retort.dialect.Ops.*

class RowSqlSpec extends Specification {

    def "#op.describe(): #onPg"() {
        expect:
        oneSql(H2, op) == onH2
        oneSql(PG, op) == onPg

        where:
        op                                                                                                  || onH2                                                                                | onPg
        new InsertRows('books', ['id', 'title'], rows([[1, "it's"], [2, null]]), AT)                        || 'INSERT INTO "BOOKS" ("ID", "TITLE") VALUES (1, \'it\'\'s\'), (2, NULL)'            | 'INSERT INTO "books" ("id", "title") VALUES (1, \'it\'\'s\'), (2, NULL)'
        new InsertRows('books', ['id', 'title'], rows([[expr('nextval(\'s\')'), expr('upper(\'x\')')]]), AT) || 'INSERT INTO "BOOKS" ("ID", "TITLE") VALUES (nextval(\'s\'), upper(\'x\'))'          | 'INSERT INTO "books" ("id", "title") VALUES (nextval(\'s\'), upper(\'x\'))'
        new InsertRows('Book List', ['Title'], rows([['a']]), AT)                                           || 'INSERT INTO "Book List" ("Title") VALUES (\'a\')'                                   | 'INSERT INTO "Book List" ("Title") VALUES (\'a\')'
        new UpdateRows('books', values(title: 'New', price: null), values(id: 1), AT)                       || 'UPDATE "BOOKS" SET "TITLE" = \'New\', "PRICE" = NULL WHERE "ID" = 1'                | 'UPDATE "books" SET "title" = \'New\', "price" = NULL WHERE "id" = 1'
        new UpdateRows('books', values(price: 0), values(subtitle: null, author_id: 7), AT)                 || 'UPDATE "BOOKS" SET "PRICE" = 0 WHERE "SUBTITLE" IS NULL AND "AUTHOR_ID" = 7'        | 'UPDATE "books" SET "price" = 0 WHERE "subtitle" IS NULL AND "author_id" = 7'
        new UpdateRows('books', values(updated: expr('CURRENT_DATE')), [:], AT)                             || 'UPDATE "BOOKS" SET "UPDATED" = CURRENT_DATE'                                        | 'UPDATE "books" SET "updated" = CURRENT_DATE'
        new UpdateRows('books', values(price: 1), values(added: expr('CURRENT_DATE')), AT)                  || 'UPDATE "BOOKS" SET "PRICE" = 1 WHERE "ADDED" = CURRENT_DATE'                        | 'UPDATE "books" SET "price" = 1 WHERE "added" = CURRENT_DATE'
        new DeleteRows('books', [:], AT)                                                                    || 'DELETE FROM "BOOKS"'                                                                | 'DELETE FROM "books"'
        new DeleteRows('books', values(id: 3, title: "O'Hara"), AT)                                         || 'DELETE FROM "BOOKS" WHERE "ID" = 3 AND "TITLE" = \'O\'\'Hara\''                     | 'DELETE FROM "books" WHERE "id" = 3 AND "title" = \'O\'\'Hara\''
        new DeleteRows('books', values(isbn: null), AT)                                                     || 'DELETE FROM "BOOKS" WHERE "ISBN" IS NULL'                                           | 'DELETE FROM "books" WHERE "isbn" IS NULL'
    }

    def "with parameters, #op.describe() carries its strings and whole numbers apart from the text, and the same inline text"() {
        when:
        List<Statement> plain = PG.renderer().render(op)
        List<Statement> bound = PG.renderer().renderWithParameters(op)

        then:
        bound.size() == 1
        with(bound[0] as SqlStatement) {
            sql() == (plain[0] as SqlStatement).sql()
            location() == AT
            parameters().sql() == parameterized
            parameters().values() == values
        }

        where:
        op                                                                                    || parameterized                                                              | values
        new InsertRows('books', ['id', 'title', 'note'], rows([[1, "it's", null]]), AT)       || 'INSERT INTO "books" ("id", "title", "note") VALUES (?, ?, NULL)'       | [1, "it's"]
        new InsertRows('books', ['id', 'title'], rows([[1, 'a'], [2, expr('upper(\'b\')')]]), AT) || 'INSERT INTO "books" ("id", "title") VALUES (?, ?), (?, upper(\'b\'))' | [1, 'a', 2]
        new UpdateRows('books', values(title: 'New', price: null), values(id: 1, isbn: null), AT) || 'UPDATE "books" SET "title" = ?, "price" = NULL WHERE "id" = ? AND "isbn" IS NULL' | ['New', 1]
        new UpdateRows('books', values(updated: expr('CURRENT_DATE')), [:], AT)               || 'UPDATE "books" SET "updated" = CURRENT_DATE'                           | []
        new InsertRows('books', ['id', 'day', 'flag'], rows([[7L, java.time.LocalDate.of(2024, 1, 31), true]]), AT) || 'INSERT INTO "books" ("id", "day", "flag") VALUES (?, DATE \'2024-01-31\', TRUE)' | [7L]
        new DeleteRows('books', values(id: 3, title: "O'Hara"), AT)                           || 'DELETE FROM "books" WHERE "id" = ? AND "title" = ?'                     | [3, "O'Hara"]
    }

    def "an operation that writes no rows renders as it always does, without parameters"() {
        given:
        def op = new dev.retort.operation.DropTable('books', null, AT)

        expect:
        PG.renderer().renderWithParameters(op) == PG.renderer().render(op)
        (PG.renderer().renderWithParameters(op)[0] as SqlStatement).parameters() == null
    }
}
