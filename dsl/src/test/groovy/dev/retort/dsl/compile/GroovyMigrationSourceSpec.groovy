package dev.retort.dsl.compile

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.operation.RawSql
import dev.retort.operation.SourceLocation
import dev.retort.revision.MigrationFormat
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

class GroovyMigrationSourceSpec extends Specification {

    @TempDir
    Path dir

    static String script(String id, String down = null) {
        "revision '$id'\n${down ? "downRevision '$down'\n" : ''}message 'make $id'\nupgrade {\n    sql 'CREATE TABLE $id (id INT)'\n}\ndowngrade { }\n"
    }

    Path write(Path folder, String name, String text) {
        Files.createDirectories(folder)
        Files.writeString(folder.resolve(name), text)
    }

    def "a folder: *.groovy files directly inside, in file-name order, read by header"() {
        given:
        def folder = dir.resolve('migrations')
        write(folder, 'b2_second.groovy', script('b2', 'a1'))
        write(folder, 'a1_first.groovy', script('a1'))
        write(folder, 'c3_third.groovy', script('c3', 'b2'))
        write(folder, 'notes.txt', 'not a script')
        write(folder, '.hidden.groovy', 'not valid groovy')
        write(folder.resolve('old'), 'z9_nested.groovy', script('z9'))

        when:
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)
        def revisions = source.revisions()

        then:
        revisions*.id() == ['a1', 'b2', 'c3']
        revisions*.downRevisions() == [[], ['a1'], ['b2']]
        revisions[1].location() == new SourceLocation(folder.resolve('b2_second.groovy').toString(), 1)
        revisions[1].message() == 'make b2'
        revisions*.checksum().every { it.startsWith('s1:') }

        when:
        def migration = source.load(revisions[1])

        then:
        migration.revision() == revisions[1]
        migration.upgrade() == [RawSql.of('CREATE TABLE b2 (id INT)', new SourceLocation(revisions[1].file(), 5))]
        migration.downgrade() == []
    }

    def "a link to a script counts as the script; a folder named like one does not"() {
        given:
        def folder = dir.resolve('migrations')
        write(folder, 'a1_first.groovy', script('a1'))
        def shared = write(dir.resolve('shared'), 'b2_shared.groovy', script('b2', 'a1'))
        Files.createSymbolicLink(folder.resolve('b2_shared.groovy'), shared)
        Files.createDirectories(folder.resolve('c3_folder.groovy'))
        Files.createSymbolicLink(folder.resolve('d4_dangling.groovy'), dir.resolve('nowhere.groovy'))

        when:
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)

        then:
        source.revisions()*.id() == ['a1', 'b2']
        source.load(source.revisions()[1]).upgrade() == [RawSql.of('CREATE TABLE b2 (id INT)',
                new SourceLocation(folder.resolve('b2_shared.groovy').toString(), 5))]
    }

    def "a classpath folder in two class folders: file-name order over both, the first folder's script wins"() {
        given:
        def first = dir.resolve('first')
        def second = dir.resolve('second')
        write(first.resolve('db/migrations'), 'b2.groovy', script('b2', 'a1'))
        write(second.resolve('db/migrations'), 'a1.groovy', script('a1'))
        write(second.resolve('db/migrations'), 'b2.groovy', script('x9'))
        write(second.resolve('db/migrations'), 'c3.groovy', script('c3', 'b2'))
        def loader = new URLClassLoader([first.toUri().toURL(), second.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        def revisions = new GroovyMigrationSource(['classpath:db/migrations'], loader).revisions()

        then:
        revisions*.id() == ['a1', 'b2', 'c3']
        revisions*.file() == ['classpath:db/migrations/a1.groovy', 'classpath:db/migrations/b2.groovy',
                              'classpath:db/migrations/c3.groovy']

        cleanup:
        loader?.close()
    }

    def "several locations are read in the order given"() {
        given:
        write(dir.resolve('one'), 'z1.groovy', script('z1'))
        write(dir.resolve('two'), 'a2.groovy', script('a2'))

        expect:
        new GroovyMigrationSource([dir.resolve('one').toString(), dir.resolve('two').toString()], getClass().classLoader)
                .revisions()*.id() == ['z1', 'a2']
    }

    def "listing reads headers only: a script whose body does not compile fails when loaded, not before"() {
        given:
        def folder = dir.resolve('m')
        write(folder, 'a1.groovy', "revision 'a1'\nupgrade {\n    creatTable('x') { }\n}")
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)

        when:
        def revisions = source.revisions()

        then:
        revisions*.id() == ['a1']

        when:
        source.load(revisions[0])

        then:
        RetortException e = thrown()
        e.message.startsWith("${folder.resolve('a1.groovy')}:3:5: Cannot find matching method")
    }

    def "every header error of every file is reported at once"() {
        given:
        def folder = dir.resolve('m')
        write(folder, 'a1.groovy', "revision someId\nchange { }")
        write(folder, 'b2.groovy', script('b2'))
        write(folder, 'c3.groovy', "message 'no id'\nchange { }")

        when:
        new GroovyMigrationSource([folder.toString()], getClass().classLoader).revisions()

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message.readLines() == [
                "${folder.resolve('a1.groovy')}:1: revision takes literal values only (strings, lists of strings, null, true/false), not `someId`: the header is read without running the script",
                "${folder.resolve('c3.groovy')}:2: no revision declared: a migration starts with revision '<id>'",
        ]
    }

    def "what loads is the text whose header was read, even if the file changes in between"() {
        given:
        def folder = dir.resolve('m')
        write(folder, 'a1.groovy', script('a1'))
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)
        def revision = source.revisions()[0]
        write(folder, 'a1.groovy', script('a1').replace('upgrade {', 'upgrade {\n    sql "SELECT 2"'))

        when:
        def migration = source.load(revision)

        then: 'the checksum recorded for it is that of the text that runs'
        migration.revision().checksum() == revision.checksum()
        migration.upgrade() == new GroovyMigrationSource([folder.toString()], getClass().classLoader).with {
            write(folder, 'a1.groovy', script('a1'))
            load(revisions()[0]).upgrade()
        }
    }

    def "a location that does not exist is a configuration error: #location"() {
        when:
        new GroovyMigrationSource([location.replace('DIR', dir.toString())], getClass().classLoader)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.CONFIGURATION
        e.message == "migrations location ${location.replace('DIR', dir.toString())} $problem"

        where:
        location                  | problem
        'DIR/missing'             | 'is not a folder'
        'classpath:no/such/dir'   | 'is not on the classpath'
    }

    def "a classpath folder in a directory"() {
        given:
        def root = dir.resolve('classes')
        write(root.resolve('db/migrations'), 'b2.groovy', script('b2', 'a1'))
        write(root.resolve('db/migrations'), 'a1.groovy', script('a1'))
        def loader = new URLClassLoader([root.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        def source = new GroovyMigrationSource(['classpath:db/migrations/'], loader)
        def revisions = source.revisions()

        then:
        revisions*.id() == ['a1', 'b2']
        revisions*.file() == ['classpath:db/migrations/a1.groovy', 'classpath:db/migrations/b2.groovy']
        source.load(revisions[1]).upgrade()[0].location() == new SourceLocation('classpath:db/migrations/b2.groovy', 5)

        cleanup:
        loader?.close()
    }

    def "a classpath folder inside a jar, found through the ServiceLoader"() {
        given:
        def jar = dir.resolve('migrations.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            ['db/', 'db/migrations/', 'db/migrations/old/'].each { out.putNextEntry(new JarEntry(it)); out.closeEntry() }
            [
                    'db/migrations/b2_add.groovy'     : script('b2', 'a1'),
                    'db/migrations/a1_init.groovy'    : script('a1'),
                    'db/migrations/old/x9.groovy'     : script('x9'),
                    'db/migrations/readme.md'         : 'docs',
                    'db/other/c3.groovy'              : script('c3'),
            ].each { name, text ->
                out.putNextEntry(new JarEntry(name))
                out.write(text.getBytes('UTF-8'))
                out.closeEntry()
            }
        }
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        def formats = ServiceLoader.load(MigrationFormat, loader).toList()
        def source = formats.find { it.name() == 'groovy' }.open(['classpath:db/migrations'], loader)
        def revisions = source.revisions()

        then:
        formats*.class.contains(GroovyMigrationFormat)
        revisions*.id() == ['a1', 'b2']
        revisions*.file() == ['classpath:db/migrations/a1_init.groovy', 'classpath:db/migrations/b2_add.groovy']
        source.load(revisions[0]).upgrade() == [RawSql.of('CREATE TABLE a1 (id INT)', new SourceLocation('classpath:db/migrations/a1_init.groovy', 4))]

        cleanup:
        loader?.close()
    }

    def "a script in two jars of the class path is read from the first"() {
        given:
        def jars = ['first', 'second'].collect { name ->
            def jar = dir.resolve("${name}.jar")
            new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
                ['db/', 'db/migrations/'].each { out.putNextEntry(new JarEntry(it)); out.closeEntry() }
                out.putNextEntry(new JarEntry('db/migrations/a1_init.groovy'))
                out.write(script('a1').replace('make a1', "from $name").getBytes('UTF-8'))
                out.closeEntry()
            }
            jar
        }
        def loader = new URLClassLoader(jars*.toUri()*.toURL() as URL[], getClass().classLoader)

        when:
        def source = new GroovyMigrationSource(['classpath:db/migrations'], loader)
        def revisions = source.revisions()
        def migration = source.load(revisions[0])

        then:
        revisions*.message() == ['from first']
        migration.revision().message() == 'from first'

        cleanup:
        loader?.close()
    }

    def "a jar entry that cannot be read is a script error naming it, with the other scripts' errors"() {
        given: 'a jar whose first entry is a script with its compressed data destroyed'
        def jar = dir.resolve('broken.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            out.putNextEntry(new JarEntry('db/migrations/a1_init.groovy'))
            out.write((script('a1') + ('// padding\n' * 200)).getBytes('UTF-8'))
            out.closeEntry()
            ['db/', 'db/migrations/'].each { out.putNextEntry(new JarEntry(it)); out.closeEntry() }
            out.putNextEntry(new JarEntry('db/migrations/b2_bad.groovy'))
            out.write("revision b2\nupgrade { }\n".getBytes('UTF-8'))
            out.closeEntry()
        }
        Jars.destroyFirstEntryData(jar)
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        new GroovyMigrationSource(['classpath:db/migrations'], loader).revisions()

        then:
        def e = thrown(RetortException)
        e.code() == ErrorCode.SCRIPT
        e.message.readLines().size() == 2
        e.message.readLines()[0].startsWith('classpath:db/migrations/a1_init.groovy: cannot be read:')
        e.message.readLines()[1].startsWith('classpath:db/migrations/b2_bad.groovy:1')

        cleanup:
        loader?.close()
    }

    def "many scripts load together in order, literal and compiled ones mixed"() {
        given: 'more scripts than one compilation batch holds; every tenth needs compiling (a local variable)'
        def folder = dir.resolve('mixed')
        def ids = (1..150).collect { String.format('m%03d', it) }
        ids.eachWithIndex { id, i ->
            def body = i % 10 == 9 ? "    String name = '$id'\n    sql \"CREATE TABLE \${name} (id INT)\"" : "    sql 'CREATE TABLE $id (id INT)'"
            write(folder, "${id}.groovy", "revision '$id'\n${i > 0 ? "downRevision '${ids[i - 1]}'\n" : ''}upgrade {\n$body\n}\n")
        }
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)

        when:
        def migrations = source.loadAll(source.revisions())

        then: 'each migration is the one of its own script, in the order asked for'
        migrations*.revision()*.id() == ids
        migrations.collect { (it.upgrade()[0] as RawSql).sqlByDialect().values().first() } == ids.collect { "CREATE TABLE $it (id INT)" as String }
        source.compiledWithGroovy() == 15
    }

    def "of many scripts that cannot load, the first in order is reported"() {
        given:
        def folder = dir.resolve('many-bad')
        def ids = (1..100).collect { String.format('b%03d', it) }
        ids.each { write(folder, "${it}.groovy", script(it)) }
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)
        def wanted = new ArrayList(source.revisions())
        wanted.set(70, dev.retort.revision.Revision.of('x70'))
        wanted.set(90, dev.retort.revision.Revision.of('x90'))

        when:
        source.loadAll(wanted)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.TARGET
        e.message.startsWith('revision x70 ')
    }

    def "of many scripts that do not compile, in several batches, the first batch's errors are reported"() {
        given:
        def folder = dir.resolve('many-broken')
        def ids = (1..150).collect { String.format('k%03d', it) }
        ids.eachWithIndex { id, i ->
            def body = i in [69, 129] ? '    noSuchCall()' : "    sql 'CREATE TABLE $id (id INT)'"
            write(folder, "${id}.groovy", "revision '$id'\n${i > 0 ? "downRevision '${ids[i - 1]}'\n" : ''}upgrade {\n$body\n}\n")
        }
        def source = new GroovyMigrationSource([folder.toString()], getClass().classLoader)

        when:
        source.loadAll(source.revisions())

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message.startsWith(folder.resolve('k070.groovy').toString() + ':4')
        !e.message.contains('k130')
    }

    def "reading headers stays cheap for many scripts"() {
        given:
        def folder = dir.resolve('many')
        Files.createDirectories(folder)
        def body = (1..200).collect { "    createTable('t$it') { column('id', BIGINT) { primaryKey() } }" }.join('\n')
        (1..2000).each { n ->
            def id = String.format('r%05d', n)
            Files.writeString(folder.resolve("${id}.groovy"),
                    "revision '$id'\n${n > 1 ? "downRevision '${String.format('r%05d', n - 1)}'\n" : ''}upgrade {\n$body\n}\n")
        }

        when:
        long start = System.nanoTime()
        def revisions = new GroovyMigrationSource([folder.toString()], getClass().classLoader).revisions()
        long millis = (System.nanoTime() - start).intdiv(1_000_000)
        println "read 2000 headers (${Files.size(folder.resolve('r00001.groovy'))} bytes each) in $millis ms"

        then:
        revisions.size() == 2000
        millis < 20_000
    }
}
