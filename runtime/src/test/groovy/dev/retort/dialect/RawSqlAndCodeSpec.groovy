package dev.retort.dialect

import dev.retort.operation.AddColumn
import dev.retort.operation.AddConstraint
import dev.retort.operation.AlterColumn
import dev.retort.operation.ColumnType
import dev.retort.operation.CreateIndex
import dev.retort.operation.CreateSequence
import dev.retort.operation.CreateTable
import dev.retort.operation.CreateView
import dev.retort.operation.DeleteRows
import dev.retort.operation.DropColumn
import dev.retort.operation.DropConstraint
import dev.retort.operation.DropIndex
import dev.retort.operation.DropSequence
import dev.retort.operation.DropTable
import dev.retort.operation.DropView
import dev.retort.operation.ExecuteJdbc
import dev.retort.operation.InsertRows
import dev.retort.operation.Operation
import dev.retort.operation.RawSql
import dev.retort.operation.RenameColumn
import dev.retort.operation.RenameTable
import dev.retort.operation.TableConstraint
import dev.retort.operation.UpdateRows
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.*

class RawSqlAndCodeSpec extends Specification {

    def "raw sql #sqlByDialect gives #onH2 on H2 and #onPg on PostgreSQL"() {
        given:
        def op = new RawSql(sqlByDialect, null, AT)

        expect: 'no statement at all where the operation has no SQL for the dialect'
        sqlOf(H2, op) == onH2
        sqlOf(PG, op) == onPg

        where:
        sqlByDialect                                        || onH2                         | onPg
        ['*': 'update books set x = 1']                     || ['update books set x = 1']   | ['update books set x = 1']
        ['*': 'update books set x = 1;  \n']                || ['update books set x = 1']   | ['update books set x = 1']
        [h2: 'select 1', postgresql: 'select 2']            || ['select 1']                 | ['select 2']
        ['*': 'select 0', h2: 'select 1']                   || ['select 1']                 | ['select 0']
        [postgresql: 'vacuum books']                        || []                           | ['vacuum books']
        [h2: 'select 1']                                    || ['select 1']                 | []
        ['*': ' ; ']                                        || []                           | []
    }

    def "an execute block becomes a JdbcCallback with its work, description and location"() {
        given:
        ExecuteJdbc.Work work = { connection -> }
        def op = new ExecuteJdbc('fill isbn', work, AT)

        expect:
        dialect.renderer().render(op) == [new JdbcCallback('fill isbn', work, AT)]

        where:
        dialect << [H2, PG]
    }

    def "every statement of #op.describe() carries the operation's location on #dialect"() {
        expect:
        def statements = dialect.renderer().render(op)
        !statements.empty
        statements.every { it.location() == AT }

        where:
        [dialect, op] << [[H2, PG], everyOperation()].combinations()
    }

    def "the location list covers every operation type"() {
        expect:
        everyOperation()*.getClass().toSet() == Operation.permittedSubclasses.toList().toSet()
    }

    static List<Operation> everyOperation() {
        [
                new CreateTable('books', [col('id', type(INTEGER))], [], AT),
                new DropTable('books', null, AT),
                new RenameTable('books', 'volumes', AT),
                new AddColumn('books', col('x', type(INTEGER)), AT),
                new DropColumn('books', 'x', null, AT),
                new RenameColumn('books', 'x', 'y', AT),
                new AlterColumn('books', 'x', ColumnType.of(BIGINT), false, AlterColumn.DefaultChange.drop(), null, null, null, null, AT),
                new CreateIndex('ix', 'books', ['x'], false, null, AT),
                new DropIndex('ix', 'books', null, AT),
                new AddConstraint('books', new TableConstraint.Check('c', 'x > 0'), AT),
                new DropConstraint('books', 'c', null, AT),
                new CreateSequence('s', 1L, 1L, AT),
                new DropSequence('s', null, AT),
                new CreateView('v', 'select 1', AT),
                new DropView('v', null, AT),
                RawSql.of('select 1', AT),
                new InsertRows('books', ['x'], rows([[1]]), AT),
                new UpdateRows('books', values(x: 2), values(x: 1), AT),
                new DeleteRows('books', values(x: 2), AT),
                new ExecuteJdbc('work', { c -> } as ExecuteJdbc.Work, AT),
        ]
    }
}
