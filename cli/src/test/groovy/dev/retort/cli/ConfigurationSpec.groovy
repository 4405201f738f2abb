package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Where settings come from: a flag wins over the environment ({@code RETORT_*}), the environment over
 * {@code retort.properties}. Each layer is proved by what it changes: which H2 file is created, which user the
 * history table records, which migrations folder is read. Broken configuration is exit 3 with the culprit named.
 */
class ConfigurationSpec extends Specification {

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp)
        // one folder of migrations per layer, each with a revision named after it
        ['file', 'env', 'flag'].each { layer ->
            Files.createDirectories(cli.project.resolve("m_$layer"))
            Files.writeString(cli.project.resolve("m_$layer/${layer}0001.groovy"), """\
                revision '${layer}0001'
                message 'from the $layer'
                change {
                    createTable('t_$layer') { column('id', BIGINT) { primaryKey() } }
                }
                """.stripIndent())
        }
    }

    def "the #winner wins: file #file, environment #env, flag #flag"() {
        given: 'each layer names its own H2 file, user and migrations folder'
        if (file) {
            cli.properties(url: 'jdbc:h2:file:${projectDir}/db/file', user: 'file_user', migrations: 'm_file')
        }
        if (env) {
            cli.env.putAll(RETORT_URL: 'jdbc:h2:file:${projectDir}/db/env', RETORT_USER: 'env_user', RETORT_MIGRATIONS: 'm_env')
        }
        List<String> flags = flag ? ['--url', 'jdbc:h2:file:${projectDir}/db/flag', '--user', 'flag_user', '--migrations', 'm_flag'] : []

        when:
        CliResult result = cli.run(*flags, 'upgrade', 'head')

        then: 'only the winner database exists, inside the project folder (${projectDir} works in every layer)'
        result.exit == 0
        Files.list(cli.project.resolve('db')).withCloseable { it.toList()*.fileName*.toString().sort() } == ["${winner}.mv.db"]

        and: "the winner's migrations ran, as the winner's user"
        String url = "jdbc:h2:file:${cli.project}/db/$winner"
        java.sql.DriverManager.getConnection(url, "${winner}_user", '').withCloseable { c ->
            c.createStatement().withCloseable { s ->
                s.executeQuery('SELECT revision, applied_by FROM retort_history').withCloseable { rs ->
                    assert rs.next()
                    assert rs.getString(1) == "${winner}0001"
                    assert rs.getString(2).equalsIgnoreCase("${winner}_user")
                    true
                }
            }
        }

        where:
        file  | env   | flag  || winner
        true  | false | false || 'file'
        true  | true  | false || 'env'
        false | true  | false || 'env'
        true  | true  | true  || 'flag'
        false | false | true  || 'flag'
    }

    def "dialect and version table follow the same order (offline, no connection)"() {
        given:
        cli.properties(dialect: 'h2', version_table: 'file_versions', migrations: 'm_file')

        expect: 'the file alone: H2, its table'
        with(cli.run('upgrade', '--sql')) {
            exit == 0
            out.contains('CREATE TABLE "FILE_VERSIONS"')
            !out.contains('BEGIN;')
        }

        when:
        cli.env.RETORT_DIALECT = 'postgresql'
        CliResult envDialect = cli.run('upgrade', '--sql')
        CliResult flags = cli.run('--dialect', 'h2', '--version-table', 'flag_versions', 'upgrade', '--sql')

        then:
        envDialect.out.startsWith('BEGIN;\n\nCREATE TABLE "file_versions"')
        flags.out.startsWith('CREATE TABLE "FLAG_VERSIONS"')
    }

    def "without any setting the migrations folder is 'migrations' in the project folder"() {
        given:
        cli.revision('dflt0001')

        expect:
        cli.run('heads').out == 'dflt0001 (head)\n'
    }

    def "an unknown key in retort.properties is exit 3 naming the key and the file"() {
        given:
        cli.on(DatabaseEngine.H2).properties(passwrod: 'typo')

        when:
        CliResult result = cli.run(command)

        then: 'every command reads the file, even those that need no database'
        result.exit == 3
        result.error.contains("unknown key 'passwrod'")
        result.error.contains(cli.project.resolve('retort.properties').toString())
        !result.hasStackTrace
        !cli.h2FileExists

        where:
        command << ['heads', 'upgrade']
    }

    def "broken configuration is exit 3 with the culprit named: #what"() {
        given:
        cli.on(DatabaseEngine.H2)

        when:
        CliResult result = cli.execute(args(cli))

        then:
        result.exit == 3
        result.error.contains(message(cli))
        !result.hasStackTrace
        !cli.h2FileExists

        where:
        what                       | args                                                                   || message
        'missing project folder'   | { CliFixture c -> ['-C', c.root.resolve('nope').toString(), 'heads'] } || { CliFixture c -> "project folder ${c.root.resolve('nope')} does not exist" }
        'missing migrations'       | { CliFixture c -> ['-C', "$c.project", '--migrations', 'gone', 'heads'] } || { CliFixture c -> "migrations location ${c.project.resolve('gone')} is not a folder" }
        'not a JDBC URL'           | { CliFixture c -> ['-C', "$c.project", '--url', 'h2:file:x', 'current'] } || { CliFixture c -> "url must be a JDBC URL starting with 'jdbc:'" }
        'bad version table name'   | { CliFixture c -> ['-C', "$c.project", '--version-table', 'a b', 'current'] } || { CliFixture c -> 'versionTable must be a plain table name' }
        'unknown dialect'          | { CliFixture c -> ['-C', "$c.project", '--dialect', 'oracle', 'upgrade', '--sql'] } || { CliFixture c -> 'oracle' }
    }
}
