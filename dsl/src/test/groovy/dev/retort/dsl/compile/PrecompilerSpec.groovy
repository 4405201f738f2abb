package dev.retort.dsl.compile

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.operation.RawSql
import dev.retort.operation.SourceLocation
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

/**
 * Precompiling an application's migrations into its class path: the scripts that need Groovy get an entry, and
 * loading them from that class path compiles nothing, unless the script changed since.
 */
class PrecompilerSpec extends Specification {

    static final String LOCATION = 'classpath:db/migrations'

    static final String LITERAL = """revision 'a1'
message 'literal'
upgrade {
    sql 'CREATE TABLE a (id INT)'
}
"""

    static final String LOOP = """revision 'b2'
downRevision 'a1'
message 'loop'
upgrade {
    for (int i = 1; i <= 2; i++) {
        sql('CREATE TABLE t' + i + ' (id INT)')
    }
}
"""

    @TempDir
    Path dir

    Path classes

    def setup() {
        classes = dir.resolve('classes')
        write('a1_literal.groovy', LITERAL)
        write('b2_loop.groovy', LOOP)
    }

    void write(String name, String text) {
        Path folder = classes.resolve('db/migrations')
        Files.createDirectories(folder)
        Files.writeString(folder.resolve(name), text)
    }

    /** The application's class loader: its classes folder on top of what the DSL needs. */
    ClassLoader application() {
        new URLClassLoader([classes.toUri().toURL()] as URL[], getClass().classLoader)
    }

    List<Path> entries() {
        def folder = classes.resolve('META-INF/retort/compiled')
        Files.isDirectory(folder) ? Files.list(folder).withCloseable { it.toList() } : []
    }

    GroovyMigrationSource loaded() {
        def source = new GroovyMigrationSource([LOCATION], application())
        source.loadAll(source.revisions())
        source
    }

    def "only the script that needs Groovy gets an entry, and loading it from the class path compiles nothing"() {
        when:
        def summary = new Precompiler(application()).precompile(classes, [LOCATION])

        then:
        summary.scripts() == 2
        summary.compiled() == 1
        summary.folder() == classes.resolve('META-INF/retort/compiled')
        entries().size() == 1
        entries()[0].fileName.toString() ==~ /[0-9a-f]{64}\.classes/

        when:
        def source = new GroovyMigrationSource([LOCATION], application())
        def migrations = source.loadAll(source.revisions())

        then:
        source.compiledWithGroovy() == 0
        migrations[1].upgrade() == [
                RawSql.of('CREATE TABLE t1 (id INT)', new SourceLocation("$LOCATION/b2_loop.groovy", 6)),
                RawSql.of('CREATE TABLE t2 (id INT)', new SourceLocation("$LOCATION/b2_loop.groovy", 6))]
    }

    def "without entries, or after the script changed, the script is compiled as before"() {
        expect:
        loaded().compiledWithGroovy() == 1

        when:
        new Precompiler(application()).precompile(classes, [LOCATION])
        write('b2_loop.groovy', LOOP.replace('i <= 2', 'i <= 3'))
        def source = new GroovyMigrationSource([LOCATION], application())
        def migrations = source.loadAll(source.revisions())

        then:
        source.compiledWithGroovy() == 1
        migrations[1].upgrade().collect { ((RawSql) it).sqlByDialect()['*'] } == ['CREATE TABLE t1 (id INT)', 'CREATE TABLE t2 (id INT)',
                                                    'CREATE TABLE t3 (id INT)']
    }

    def "a damaged entry is compiled instead"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        Files.write(entries()[0], 'not an entry'.bytes)

        expect:
        loaded().compiledWithGroovy() == 1
    }

    def "a broken #what fails precompiling with its file and line, and the entries of an earlier run are gone"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        write('b2_loop.groovy', LOOP.replace(from, to))

        when:
        new Precompiler(application()).precompile(classes, [LOCATION])

        then:
        def e = thrown(RetortException)
        e.code() == ErrorCode.SCRIPT
        e.message.startsWith("$LOCATION/b2_loop.groovy:$line:")
        e.message.contains(says)
        entries().isEmpty()

        where:
        what                              | from             | to              | line | says
        'script'                          | "sql('CREATE"    | "sqll('CREATE"  | 6    | 'sqll'
        'header (before any compiling)'   | "revision 'b2'"  | 'revision b2'   | 1    | 'revision'
    }

    /** The classes folder packed as the application's jar; {@code replaced} gives other content to some files. */
    Path jar(Map<String, String> replaced = [:]) {
        def jar = dir.resolve('app.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            Files.walk(classes).withCloseable { paths ->
                paths.filter { it != classes }.forEach { path ->
                    // folders get entries too, as jar tools write them: classpath: locations are found through them
                    String name = classes.relativize(path).toString().replace('\\', '/')
                    out.putNextEntry(new JarEntry(Files.isDirectory(path) ? name + '/' : name))
                    if (Files.isRegularFile(path)) {
                        out.write(replaced.containsKey(name) ? replaced[name].getBytes('UTF-8') : Files.readAllBytes(path))
                    }
                    out.closeEntry()
                }
            }
        }
        jar
    }

    GroovyMigrationSource fromJar(Path jar) {
        new GroovyMigrationSource([LOCATION], new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader))
    }

    /** The scripts as the precompiler read them, with a1's header changed as given: an index no run would write. */
    List<MigrationLoader.Script> forgedA1(Closure<dev.retort.revision.Revision> change) {
        def scripts = new GroovyMigrationSource([LOCATION], application()).scripts()
        def a1 = scripts[0]
        [new MigrationLoader.Script(new ScriptHeader(change(a1.header().revision()), a1.header().transactional()), a1.text())] + scripts.drop(1)
    }

    def "the headers ship too: in the jar, a script whose entry is unchanged is not parsed for its header"() {
        given: 'an index whose header of a1 says something else than the script: what is listed comes from the index'
        new Precompiler(application()).precompile(classes, [LOCATION])
        HeaderIndex.ship(classes, forgedA1 { r -> new dev.retort.revision.Revision(r.id(), r.downRevisions(),
                r.branchLabels(), r.dependsOn(), 'from the index', r.location(), r.checksum()) })

        expect:
        Files.exists(classes.resolve('META-INF/retort/headers.idx'))
        fromJar(jar()).revisions()*.message() == ['from the index', 'loop']

        and: 'a script whose entry changed since (other size or CRC-32) is read'
        fromJar(jar(['db/migrations/a1_literal.groovy': LITERAL.replace("'literal'", "'edited'")])).revisions()*.message() == ['edited', 'loop']

        and: 'out of a folder, stamps are the files\' and the index is not used'
        new GroovyMigrationSource([LOCATION], application()).revisions()*.message() == ['literal', 'loop']

        when: 'running a1 compares the header with what the script declares'
        def forged = fromJar(jar())
        forged.loadAll(forged.revisions())

        then: 'so not even an index that lies runs'
        RetortException e = thrown()
        e.message.contains('message read as from the index, declared as literal')

        when: 'with the index the build writes'
        new Precompiler(application()).precompile(classes, [LOCATION])
        def source = fromJar(jar())

        then: 'the scripts whose headers come from it load, together or one by one'
        source.loadAll(source.revisions())*.upgrade()*.size() == [1, 2]
        def single = fromJar(jar())
        single.load(single.revisions()[1]).upgrade().size() == 2
    }

    def "a jar entry whose shipped header is known is read only when it must run: a damaged one lists, and fails to run"() {
        given: 'a jar whose only script has its compressed data destroyed, and the index of its intact text'
        def text = LITERAL + ('// padding\n' * 200)
        def name = 'classpath:db/migrations/a1_literal.groovy'
        def meta = dir.resolve('meta')
        HeaderIndex.ship(meta, [new MigrationLoader.Script(new HeaderReader().read(name, text), text)])
        def jar = dir.resolve('damaged.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            out.putNextEntry(new JarEntry('db/migrations/a1_literal.groovy'))
            out.write(text.getBytes('UTF-8'))
            out.closeEntry()
            ['db/', 'db/migrations/', 'META-INF/', 'META-INF/retort/'].each { out.putNextEntry(new JarEntry(it)); out.closeEntry() }
            out.putNextEntry(new JarEntry(HeaderIndex.SHIPPED))
            out.write(Files.readAllBytes(meta.resolve(HeaderIndex.SHIPPED)))
            out.closeEntry()
        }
        Jars.destroyFirstEntryData(jar)
        def source = fromJar(jar)

        when: 'listed: the header is the shipped one, and the entry is not read'
        def revisions = source.revisions()

        then:
        revisions*.id() == ['a1']

        when: 'it must run'
        source.loadAll(revisions)

        then: 'it is read, and what is wrong with it is said with its name'
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message.startsWith(name + ': cannot be read:')
    }

    def "the shipped stamps are the jar entries' own, whatever the text: a byte-order mark, CRLF, non-ASCII"() {
        given:
        write('c3_odd.groovy', "\uFEFFrevision 'c3'\r\ndownRevision 'b2'\r\nmessage 'Grüße, naïve café ✓'\r\nupgrade {\r\n    sql 'CREATE TABLE c (id INT)'\r\n}\r\n")
        new Precompiler(application()).precompile(classes, [LOCATION])
        def jar = jar()
        def index = HeaderIndex.shipped(new URLClassLoader([jar.toUri().toURL()] as URL[], (ClassLoader) null))

        expect:
        new java.util.jar.JarFile(jar.toFile()).withCloseable { jarFile ->
            jarFile.entries().toList().findAll { it.name.endsWith('.groovy') }.collect { entry ->
                index.get('classpath:' + entry.name, HeaderIndex.Stamp.ofJarEntry(entry.size, entry.crc))?.revision()?.id()
            }
        }.sort() == ['a1', 'b2', 'c3']
    }

    def "a jar replaced after its scripts were listed: the script that changed is not run, and says so"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        def appJar = jar()
        def source = fromJar(appJar)
        def revisions = source.revisions()

        when: 'a redeployment puts another a1 in its place (a new file, as a copy over it makes)'
        def replaced = dir.resolve('replaced.jar')
        Files.move(appJar, replaced)
        jar(['db/migrations/a1_literal.groovy': LITERAL.replace("'literal'", "'redeployed'")])
        Files.move(dir.resolve('app.jar'), dir.resolve('next.jar'))
        Files.move(dir.resolve('next.jar'), appJar)
        source.loadAll(revisions)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message == 'classpath:db/migrations/a1_literal.groovy: cannot be read: it changed since it was listed; ' +
                'run the command again'

        when: 'the jar is put back: the failed read is tried again'
        Files.move(replaced, appJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        then:
        source.loadAll(revisions)*.upgrade()*.size() == [1, 2]
    }

    def "a script whose text does not have the checksum its shipped header says is not run"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        HeaderIndex.ship(classes, forgedA1 { r -> new dev.retort.revision.Revision(r.id(), r.downRevisions(),
                r.branchLabels(), r.dependsOn(), r.message(), r.location(), 's1:0000') })
        def source = fromJar(jar())

        when:
        source.loadAll(source.revisions())

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message == 'classpath:db/migrations/a1_literal.groovy:1: the script does not match its header in ' +
                'META-INF/retort/headers.idx; build the application again (or delete that index)'
    }

    def "entries inside a jar, as an application ships them, are found"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        def source = fromJar(jar())

        when:
        def migrations = source.loadAll(source.revisions())

        then:
        source.compiledWithGroovy() == 0
        migrations*.upgrade()*.size() == [1, 2]
    }

    def "scripts of the same file name in two locations get an entry each"() {
        given:
        def two = classes.resolve('db/two')
        Files.createDirectories(two)
        Files.writeString(two.resolve('b2_loop.groovy'), LOOP.replace("revision 'b2'", "revision 'c3'")
                .replace("downRevision 'a1'", "downRevision 'b2'"))
        def locations = [LOCATION, 'classpath:db/two']

        when:
        def summary = new Precompiler(application()).precompile(classes, locations)
        def source = new GroovyMigrationSource(locations, application())
        source.loadAll(source.revisions())

        then:
        summary.compiled() == 2
        entries().size() == 2
        source.compiledWithGroovy() == 0
    }

    def "a damaged length in an entry does not take the application down: the script is compiled"() {
        given:
        new Precompiler(application()).precompile(classes, [LOCATION])
        new DataOutputStream(Files.newOutputStream(entries()[0])).withCloseable { out ->
            out.writeUTF('retort-precompiled-1')
            out.writeUTF('b2_loop')
            out.writeInt(1)
            out.writeUTF('b2_loop')
            out.writeInt(Integer.MAX_VALUE)
        }

        expect:
        loaded().compiledWithGroovy() == 1
    }

    def "the revision graph is checked too"() {
        given:
        write('c3_orphan.groovy', "revision 'c3'\ndownRevision 'nope'\nupgrade { }\n")

        when:
        new Precompiler(application()).precompile(classes, [LOCATION])

        then:
        def e = thrown(RetortException)
        e.code() == ErrorCode.GRAPH
        e.message.contains('c3')
        e.message.contains('nope')
    }

    def "the command line: exit code #code for #why"() {
        given:
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def thread = Thread.currentThread()
        def previous = thread.contextClassLoader
        thread.contextClassLoader = application()

        when:
        int exit = Precompiler.run(args(classes) as String[], new PrintStream(out, true), new PrintStream(err, true))

        then:
        exit == code
        (code == 0 ? out : err).toString().contains(says)

        cleanup:
        thread.contextClassLoader = previous

        where:
        why                   | args                                   | code | says
        'success'             | { Path root -> [root.toString(), LOCATION] } | 0    | 'precompiled 1 of 2 scripts into'
        'missing arguments'   | { Path root -> [root.toString()] }     | 2    | 'usage: Precompiler ROOT LOCATION...'
        'a missing location'  | { Path root -> [root.toString(), 'classpath:nowhere'] } | 3 | 'classpath:nowhere'
    }
}
