package dev.retort.dialect

import dev.retort.operation.AlterColumn
import dev.retort.operation.ColumnType
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*

class AlterColumnSqlSpec extends Specification {

    static AlterColumn alter(Map change) {
        new AlterColumn('books', 'pages', change.type as ColumnType, change.nullable as Boolean,
                change.defaultChange as AlterColumn.DefaultChange, null, null, null, change.using as String, AT)
    }

    static AlterColumn.DefaultChange setDefault(Object value) {
        new AlterColumn.DefaultChange(value instanceof dev.retort.operation.SqlValue ? value : lit(value))
    }

    def "alterColumn: #description"() {
        expect: 'one statement per changed aspect: type, then default, then nullability'
        sqlOf(H2, op) == onH2
        sqlOf(PG, op) == onPg

        where:
        description                       | op                                                            || onH2                                                                                  | onPg
        'type'                            | alter(type: type(BIGINT))                                     || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DATA TYPE BIGINT']                    | ['ALTER TABLE "books" ALTER COLUMN "pages" SET DATA TYPE BIGINT']
        'type with USING (PostgreSQL)'    | alter(type: type(INTEGER), using: 'trim(pages)::integer')     || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DATA TYPE INTEGER']                   | ['ALTER TABLE "books" ALTER COLUMN "pages" SET DATA TYPE INTEGER USING trim(pages)::integer']
        'not null'                        | alter(nullable: false)                                        || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET NOT NULL']                            | ['ALTER TABLE "books" ALTER COLUMN "pages" SET NOT NULL']
        'nullable'                        | alter(nullable: true)                                         || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" DROP NOT NULL']                           | ['ALTER TABLE "books" ALTER COLUMN "pages" DROP NOT NULL']
        'literal default'                 | alter(defaultChange: setDefault("n'a"))                       || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DEFAULT \'n\'\'a\'']                  | ['ALTER TABLE "books" ALTER COLUMN "pages" SET DEFAULT \'n\'\'a\'']
        'expression default'              | alter(defaultChange: setDefault(expr('CURRENT_DATE')))        || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DEFAULT CURRENT_DATE']                | ['ALTER TABLE "books" ALTER COLUMN "pages" SET DEFAULT CURRENT_DATE']
        'drop default'                    | alter(defaultChange: AlterColumn.DefaultChange.drop())        || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" DROP DEFAULT']                            | ['ALTER TABLE "books" ALTER COLUMN "pages" DROP DEFAULT']
        'type, default and nullability'   | alter(type: ColumnType.varchar(10), nullable: false, defaultChange: setDefault(0)) || ['ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DATA TYPE VARCHAR(10)', 'ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET DEFAULT 0', 'ALTER TABLE "BOOKS" ALTER COLUMN "PAGES" SET NOT NULL'] | ['ALTER TABLE "books" ALTER COLUMN "pages" SET DATA TYPE VARCHAR(10)', 'ALTER TABLE "books" ALTER COLUMN "pages" SET DEFAULT 0', 'ALTER TABLE "books" ALTER COLUMN "pages" SET NOT NULL']
    }
}
