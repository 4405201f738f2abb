package dev.retort.dialect

import dev.retort.operation.ColumnType
import dev.retort.operation.CreateTable
import dev.retort.operation.ExecuteJdbc
import dev.retort.operation.RawSql
import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.sql.Connection

import static dev.retort.dialect.Ops.*

class RawSqlAndCodeOnDatabaseSpec extends Specification {

    @AutoCleanup
    LiveDatabase live

    static final CreateTable NOTES = new CreateTable('notes', [col('body', ColumnType.varchar(50))], [], AT)

    def "each dialect runs its own raw SQL, and none that is not its own, on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(NOTES)

        when:
        live.apply(new RawSql([h2: "insert into notes values ('from h2');", postgresql: "insert into notes values ('from postgresql')"], null, AT),
                new RawSql([(otherDialect): "insert into notes values ('wrong')"], null, AT),
                RawSql.of("insert into notes values ('from any')", AT))

        then:
        live.column('notes', 'body', String, 'body') == ['from any', 'from ' + engine.toString()]

        where:
        engine                    || otherDialect
        DatabaseEngine.H2         || 'postgresql'
        DatabaseEngine.POSTGRESQL || 'h2'
    }

    def "an execute block runs on the migration's own connection on #engine"() {
        given:
        live = LiveDatabase.fresh(engine)
        live.apply(NOTES)
        Connection seen = null
        ExecuteJdbc.Work work = { Connection c ->
            seen = c
            c.prepareStatement('insert into notes values (?)').withCloseable { ps ->
                ps.setString(1, "written by code, it's fine")
                ps.executeUpdate()
            }
        }

        when:
        live.apply(new ExecuteJdbc('fill notes', work, AT))

        then:
        seen.is(live.connection)
        live.column('notes', 'body', String, 'body') == ["written by code, it's fine"]

        where:
        engine << DatabaseEngine.values()
    }
}
