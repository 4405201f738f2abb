package dev.retort.dialect

import dev.retort.operation.AddConstraint
import dev.retort.operation.CreateIndex
import dev.retort.operation.DropConstraint
import dev.retort.operation.DropIndex
import dev.retort.operation.TableConstraint
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ReferentialAction.*

class IndexAndConstraintSqlSpec extends Specification {

    def "#op.describe(): #onPg"() {
        expect:
        oneSql(H2, op) == onH2
        oneSql(PG, op) == onPg

        where:
        op                                                                                  || onH2                                                                                 | onPg
        new CreateIndex('ix_books_title', 'books', ['title'], false, null, AT)              || 'CREATE INDEX "IX_BOOKS_TITLE" ON "BOOKS" ("TITLE")'                                 | 'CREATE INDEX "ix_books_title" ON "books" ("title")'
        new CreateIndex('ux_books_author_title', 'books', ['author_id', 'title'], true, null, AT) || 'CREATE UNIQUE INDEX "UX_BOOKS_AUTHOR_TITLE" ON "BOOKS" ("AUTHOR_ID", "TITLE")' | 'CREATE UNIQUE INDEX "ux_books_author_title" ON "books" ("author_id", "title")'
        new DropIndex('ix_books_title', 'books', null, AT)                                  || 'DROP INDEX "IX_BOOKS_TITLE"'                                                         | 'DROP INDEX "ix_books_title"'
        new AddConstraint('books', new TableConstraint.PrimaryKey('books_pk', ['id']), AT)  || 'ALTER TABLE "BOOKS" ADD CONSTRAINT "BOOKS_PK" PRIMARY KEY ("ID")'                    | 'ALTER TABLE "books" ADD CONSTRAINT "books_pk" PRIMARY KEY ("id")'
        new AddConstraint('books', new TableConstraint.Unique('books_isbn_uq', ['isbn']), AT) || 'ALTER TABLE "BOOKS" ADD CONSTRAINT "BOOKS_ISBN_UQ" UNIQUE ("ISBN")'               | 'ALTER TABLE "books" ADD CONSTRAINT "books_isbn_uq" UNIQUE ("isbn")'
        new AddConstraint('books', new TableConstraint.Check('pages_positive', 'pages > 0'), AT) || 'ALTER TABLE "BOOKS" ADD CONSTRAINT "PAGES_POSITIVE" CHECK (pages > 0)'           | 'ALTER TABLE "books" ADD CONSTRAINT "pages_positive" CHECK (pages > 0)'
        new AddConstraint('books', new TableConstraint.ForeignKey('books_author_fk', ['author_id'], refs('authors', ['id'])), AT) || 'ALTER TABLE "BOOKS" ADD CONSTRAINT "BOOKS_AUTHOR_FK" FOREIGN KEY ("AUTHOR_ID") REFERENCES "AUTHORS" ("ID")' | 'ALTER TABLE "books" ADD CONSTRAINT "books_author_fk" FOREIGN KEY ("author_id") REFERENCES "authors" ("id")'
        new AddConstraint('books', new TableConstraint.ForeignKey('books_author_fk', ['author_id', 'edition'], refs('authors', ['id', 'edition'], SET_DEFAULT, CASCADE)), AT) || 'ALTER TABLE "BOOKS" ADD CONSTRAINT "BOOKS_AUTHOR_FK" FOREIGN KEY ("AUTHOR_ID", "EDITION") REFERENCES "AUTHORS" ("ID", "EDITION") ON DELETE SET DEFAULT ON UPDATE CASCADE' | 'ALTER TABLE "books" ADD CONSTRAINT "books_author_fk" FOREIGN KEY ("author_id", "edition") REFERENCES "authors" ("id", "edition") ON DELETE SET DEFAULT ON UPDATE CASCADE'
        new DropConstraint('books', 'books_pk', null, AT)                                   || 'ALTER TABLE "BOOKS" DROP CONSTRAINT "BOOKS_PK"'                                      | 'ALTER TABLE "books" DROP CONSTRAINT "books_pk"'
    }

    def "a partial index renders on PostgreSQL, which has PARTIAL_INDEXES"() {
        given:
        def op = new CreateIndex('ux_books_isbn', 'books', ['isbn'], true, 'isbn IS NOT NULL', AT)

        expect:
        PG.supports(Capability.PARTIAL_INDEXES)
        oneSql(PG, op) == 'CREATE UNIQUE INDEX "ux_books_isbn" ON "books" ("isbn") WHERE isbn IS NOT NULL'
    }

    def "a partial index on H2 is a RenderException naming the script line"() {
        when:
        H2.renderer().render(new CreateIndex('ux_books_isbn', 'books', ['isbn'], true, 'isbn IS NOT NULL', AT))

        then:
        RenderException e = thrown()
        !H2.supports(Capability.PARTIAL_INDEXES)
        e.message == 'migrations/0007_books.groovy:12: createIndex ux_books_isbn on books cannot be rendered for h2: ' +
                'partial indexes (where: isbn IS NOT NULL) are not supported; drop the condition or give this dialect its own sql'
        e.operation().location() == AT
    }
}
