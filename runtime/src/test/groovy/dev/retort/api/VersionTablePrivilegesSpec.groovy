package dev.retort.api

import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

/**
 * Whether the version table exists is asked of the catalog. On PostgreSQL that must not depend on the user's
 * privileges: a version table the migrating user cannot read has to fail as such, not look missing and be created
 * a second time.
 */
class VersionTablePrivilegesSpec extends Specification {

    static final String ROLE = 'retort_no_privileges'

    @AutoCleanup
    TestDatabase db

    def "PostgreSQL: a version table the user has no privilege on is found, and reading it fails as permission denied"() {
        given: 'the tables exist, made by the owner; another role may create tables here but has no privilege on them'
        db = DatabaseEngine.POSTGRESQL.fresh()
        Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password())
                .source(TableSource.of('a1')).load().upgrade('head')
        db.connect().withCloseable { c ->
            c.createStatement().withCloseable { s ->
                s.execute("DO \$\$ BEGIN CREATE ROLE $ROLE LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$")
                String schema = s.executeQuery('SELECT current_schema()').withCloseable { rs -> rs.next(); rs.getString(1) }
                s.execute("GRANT USAGE, CREATE ON SCHEMA \"$schema\" TO $ROLE")
            }
        }
        def other = Retort.configure().url(db.jdbcUrl()).user(ROLE)
                .source(TableSource.of('a1', 'b2 <- a1')).load()

        when:
        other.upgrade('head')

        then:
        RetortException e = thrown()
        e.message.contains('permission denied for table retort_version')
        !e.message.contains('already exists')
    }
}
