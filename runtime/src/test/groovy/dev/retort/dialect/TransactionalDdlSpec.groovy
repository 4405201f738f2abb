package dev.retort.dialect

import dev.retort.operation.CreateTable
import dev.retort.operation.InsertRows
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import static dev.retort.dialect.Ops.*
import static dev.retort.operation.ColumnType.Kind.INTEGER

/**
 * The experiment behind each dialect's {@link Capability#TRANSACTIONAL_DDL}: run DDL inside a transaction, roll
 * back, and look. H2 2.3 commits at every DDL statement (taking the transaction's earlier rows with it);
 * PostgreSQL rolls the DDL back.
 */
class TransactionalDdlSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    def "on #engine a table created in a rolled-back transaction #outcome, and the dialect says so"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(new CreateTable('existing', [col('id', type(INTEGER))], [], AT))
        live.connection.autoCommit = false

        when:
        live.apply(new InsertRows('existing', ['id'], rows([[1]]), AT),
                new CreateTable('created', [col('id', type(INTEGER))], [], AT))
        live.connection.rollback()

        then:
        live.catalog().hasTable('created') == ddlSurvives
        live.column('existing', 'id', Integer, 'id') == (ddlSurvives ? [1] : [])
        live.dialect.supports(Capability.TRANSACTIONAL_DDL) == !ddlSurvives

        where:
        engine                    || ddlSurvives
        DatabaseEngine.H2         || true
        DatabaseEngine.POSTGRESQL || false

        outcome = ddlSurvives ? 'survives (and commits the rows before it)' : 'is gone'
    }
}
