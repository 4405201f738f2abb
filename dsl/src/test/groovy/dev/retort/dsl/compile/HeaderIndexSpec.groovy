package dev.retort.dsl.compile

import dev.retort.api.RetortException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.BasicFileAttributes
import java.nio.file.attribute.FileTime
import java.time.Instant
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import java.util.zip.CRC32

/**
 * Headers remembered in the cache folder by file stamp. To see whether a file was read, a test rewrites it in place
 * with text of the same length and puts its modification time back: only reading it can notice.
 */
class HeaderIndexSpec extends Specification {

    @TempDir
    Path dir

    Path folder
    Path cache

    def setup() {
        folder = dir.resolve('m')
        cache = dir.resolve('cache')
        Files.createDirectories(folder)
    }

    static String script(String id, String message) {
        "revision '$id'\nmessage '$message'\nupgrade {\n    sql 'CREATE TABLE $id (id INT)'\n}\ndowngrade { }\n"
    }

    String key(Object location) {
        ScriptLocation.of(location.toString(), getClass().classLoader).indexKey()
    }

    Path indexFile() {
        HeaderIndex.fileFor(cache, [key(folder)])
    }

    GroovyMigrationSource source() {
        new GroovyMigrationSource([folder.toString()], getClass().classLoader, new CompiledScriptCache(cache))
    }

    Path write(String name, String text, Instant modified = Instant.now().minusSeconds(60)) {
        Path file = folder.resolve(name)
        Files.writeString(file, text)
        Files.setLastModifiedTime(file, FileTime.from(modified))
        file
    }

    /** Same length, same modification time, same file: only reading it tells the difference. */
    void rewriteUnnoticeably(Path file, String text) {
        FileTime modified = Files.getLastModifiedTime(file)
        assert Files.size(file) == text.bytes.length
        Files.writeString(file, text)
        Files.setLastModifiedTime(file, modified)
    }

    def "an unchanged file's header comes from the index, and running it reads the file and checks it still matches"() {
        given:
        Path a1 = write('a1.groovy', script('a1', 'old'))
        def first = source().revisions()

        when: 'the file changes in a way its stamp cannot show'
        rewriteUnnoticeably(a1, script('a1', 'new'))
        def source = source()
        def second = source.revisions()

        then: 'the header is the remembered one: the file was not read'
        Files.exists(indexFile())
        second == first
        second[0].message() == 'old'

        when: 'it is about to run'
        source.load(second[0])

        then: 'the file is read, and the difference is caught'
        RetortException e = thrown()
        e.message == "${folder.resolve('a1.groovy')}:1: the script changed since its header was read; run the command again"
    }

    def "a file whose size, time or identity changed is read again"() {
        given:
        Path a1 = write('a1.groovy', script('a1', 'old'))
        source().revisions()

        when:
        change(a1)
        def revisions = source().revisions()

        then:
        revisions[0].message() == message
        source().load(revisions[0]).revision().message() == message

        where: 'a new time (same size); a new size (same time); a new file in its place (same size and time)'
        message | change
        'new'   | { Path f -> Files.writeString(f, script('a1', 'new')); Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(30))) }
        'newer' | { Path f -> FileTime t = Files.getLastModifiedTime(f); Files.writeString(f, script('a1', 'newer')); Files.setLastModifiedTime(f, t) }
        'nwr'   | { Path f -> FileTime t = Files.getLastModifiedTime(f); Path n = f.resolveSibling('n.tmp'); Files.writeString(n, script('a1', 'nwr')); Files.setLastModifiedTime(n, t); Files.move(n, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING) }
    }

    def "a file modified moments before the index was written is not remembered (its stamp could repeat)"() {
        given:
        Path a1 = write('a1.groovy', script('a1', 'old'), Instant.now())
        source().revisions()

        when:
        rewriteUnnoticeably(a1, script('a1', 'new'))

        then:
        source().revisions()[0].message() == 'new'
    }

    def "the index holds the scripts the last run listed, so deleted files do not stay in it"() {
        given:
        write('a1.groovy', script('a1', 'one'))
        Path b2 = write('b2.groovy', script('b2', 'two'))
        source().revisions()
        long before = Files.size(indexFile())
        def b2Stamp = HeaderIndex.Stamp.of(b2)

        expect: 'remembered while it exists'
        HeaderIndex.in(cache, [key(folder)]).get(b2.toString(), b2Stamp) != null

        when:
        Files.delete(b2)
        source().revisions()

        then: 'gone once a run no longer lists it'
        Files.size(indexFile()) < before
        HeaderIndex.in(cache, [key(folder)]).get(b2.toString(), b2Stamp) == null
        HeaderIndex.in(cache, [key(folder)]).get(folder.resolve('a1.groovy').toString(),
                HeaderIndex.Stamp.of(folder.resolve('a1.groovy'))).revision().message() == 'one'
    }

    def "projects sharing a cache folder keep an index each, so they do not evict each other"() {
        given:
        Path other = Files.createDirectories(dir.resolve('other'))
        write('a1.groovy', script('a1', 'one'))
        Files.writeString(other.resolve('x1.groovy'), script('x1', 'x'))
        Files.setLastModifiedTime(other.resolve('x1.groovy'), FileTime.from(Instant.now().minusSeconds(60)))

        when:
        source().revisions()
        new GroovyMigrationSource([other.toString()], getClass().classLoader, new CompiledScriptCache(cache)).revisions()

        then:
        HeaderIndex.fileFor(cache, [key(other)]) != indexFile()
        HeaderIndex.in(cache, [key(folder)]).get(folder.resolve('a1.groovy').toString(),
                HeaderIndex.Stamp.of(folder.resolve('a1.groovy'))) != null
        HeaderIndex.in(cache, [key(other)]).get(other.resolve('x1.groovy').toString(),
                HeaderIndex.Stamp.of(other.resolve('x1.groovy'))) != null
    }

    def "a folder is told apart by its absolute path, a classpath folder by where it resolves to"() {
        expect: 'the same folder however it is written'
        key(folder) == key(folder.resolve('../m/.'))
        key(folder) == folder.toAbsolutePath().normalize().toString()

        when: 'a classpath folder: no Path is made of the location (on Windows, classpath:… is not a valid path)'
        Path classes = dir.resolve('classes')
        Files.createDirectories(classes.resolve('db/migrations'))
        Files.writeString(classes.resolve('db/migrations/a1.groovy'), script('a1', 'one'))
        def loader = new URLClassLoader([classes.toUri().toURL()] as URL[], getClass().classLoader)
        String classpathKey = ScriptLocation.of('classpath:db/migrations', loader).indexKey()

        then: 'it names the places it resolves to, which differ between applications'
        classpathKey == "classpath:db/migrations ${loader.getResource('db/migrations')}"
    }

    def "a damaged or foreign index is ignored and rewritten"() {
        given:
        write('a1.groovy', script('a1', 'old'))
        Files.createDirectories(cache)
        Files.write(indexFile(), garbage as byte[])

        expect:
        source().revisions()*.message() == ['old']
        HeaderIndex.in(cache, [key(folder)]).get(folder.resolve('a1.groovy').toString(),
                HeaderIndex.Stamp.of(folder.resolve('a1.groovy'))).revision().message() == 'old'

        where:
        garbage << [[], [0, 0, 0, 1, 0, 0, 0, 5, 1, 2], [0, 0, 0, 9], [0, 0, 0, 3, 127, -1, -1, -1, 0, 0, 0, 9], [0, 0, 0, 3, 0, 0, 0, 1, 127, -1, -1, -1]]
    }

    def "a jar entry's stamp is its size and CRC-32, never a file's"() {
        given:
        def crc = new CRC32()
        crc.update('abc'.bytes)
        // a file key whose hash is the jar entries' identity (a Long hashes to its two halves XORed)
        def attributes = [size: { 3L }, lastModifiedTime: { FileTime.fromMillis(0) }, fileKey: { 0x80000000L }] as BasicFileAttributes

        expect:
        HeaderIndex.Stamp.ofJarEntry('abc'.bytes) == new HeaderIndex.Stamp(3, crc.value, HeaderIndex.Stamp.JAR_ENTRY)
        HeaderIndex.Stamp.ofJarEntry(3, crc.value) == HeaderIndex.Stamp.ofJarEntry('abc'.bytes)
        HeaderIndex.Stamp.ofJarEntry(-1, crc.value) == null
        HeaderIndex.Stamp.ofJarEntry(3, -1) == null
        HeaderIndex.Stamp.of(attributes).identity() != HeaderIndex.Stamp.JAR_ENTRY
        HeaderIndex.Stamp.of(attributes) != new HeaderIndex.Stamp(3, 0, HeaderIndex.Stamp.JAR_ENTRY)
    }

    def "shipped indexes on the class path are merged, the first to name a script winning; a damaged one is skipped"() {
        given:
        def header = { String id, String message -> new HeaderReader().read("classpath:m/${id}.groovy", script(id, message)) }
        def roots = ['damaged', 'first', 'second'].collect { dir.resolve(it) }
        Files.createDirectories(roots[0].resolve('META-INF/retort'))
        Files.write(roots[0].resolve(HeaderIndex.SHIPPED), [0, 0, 0, 3, 0, 0, 0, 9, 1] as byte[])
        HeaderIndex.ship(roots[1], [new MigrationLoader.Script(header('a1', 'first'), script('a1', 'first'))])
        HeaderIndex.ship(roots[2], [new MigrationLoader.Script(header('a1', 'second'), script('a1', 'second')),
                                    new MigrationLoader.Script(header('b2', 'second'), script('b2', 'second'))])
        def index = HeaderIndex.shipped(new URLClassLoader(roots.collect { it.toUri().toURL() } as URL[], (ClassLoader) null))

        expect:
        index.get('classpath:m/a1.groovy', HeaderIndex.Stamp.ofJarEntry(script('a1', 'first').bytes)).revision().message() == 'first'
        index.get('classpath:m/a1.groovy', HeaderIndex.Stamp.ofJarEntry(script('a1', 'second').bytes)) == null
        index.get('classpath:m/b2.groovy', HeaderIndex.Stamp.ofJarEntry(script('b2', 'second').bytes)).revision().message() == 'second'
        index.toString() == HeaderIndex.SHIPPED
    }

    def "the command line's cache remembers scripts in a jar by their entries' stamps"() {
        given:
        def jar = dir.resolve('scripts.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            out.putNextEntry(new JarEntry('m/'))
            out.closeEntry()
            out.putNextEntry(new JarEntry('m/a1.groovy'))
            out.write(script('a1', 'old').bytes)
            out.closeEntry()
        }
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        new GroovyMigrationSource(['classpath:m'], loader, new CompiledScriptCache(cache)).revisions()
        def keys = [ScriptLocation.of('classpath:m', loader).indexKey()]

        then:
        HeaderIndex.in(cache, keys).get('classpath:m/a1.groovy', HeaderIndex.Stamp.ofJarEntry(script('a1', 'old').bytes))
                .revision().message() == 'old'

        cleanup:
        loader?.close()
    }

    def "without a cache folder nothing is remembered"() {
        given:
        Path a1 = write('a1.groovy', script('a1', 'old'))
        new GroovyMigrationSource([folder.toString()], getClass().classLoader).revisions()

        when:
        rewriteUnnoticeably(a1, script('a1', 'new'))

        then:
        new GroovyMigrationSource([folder.toString()], getClass().classLoader).revisions()[0].message() == 'new'
        !Files.exists(cache)
    }
}
