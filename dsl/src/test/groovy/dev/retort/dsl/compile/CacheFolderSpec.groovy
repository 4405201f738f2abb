package dev.retort.dsl.compile

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The cache folder is created in the user's project, usually a git work tree: it must not show up in their
 * {@code git status}, without them adding it to their own {@code .gitignore}.
 */
class CacheFolderSpec extends Specification {

    @TempDir
    Path project

    def setup() {
        assert git('init', '-q') == 0
    }

    /** git in the project only: no GIT_DIR or GIT_WORK_TREE of a hook that runs the tests, no user excludes. */
    ProcessBuilder gitIn(List<String> args) {
        def builder = new ProcessBuilder(['git', '-c', 'core.excludesFile=/dev/null'] + args).directory(project.toFile())
                .redirectErrorStream(true)
        builder.environment().keySet().removeIf { it.startsWith('GIT_') }
        builder
    }

    int git(String... args) {
        def process = gitIn(args.toList()).start()
        process.inputStream.text
        assert process.waitFor(30, TimeUnit.SECONDS)
        process.exitValue()
    }

    String status() {
        def process = gitIn(['status', '--porcelain', '--untracked-files=all']).start()
        def out = process.inputStream.text
        assert process.waitFor(30, TimeUnit.SECONDS)
        out
    }

    def "the folder a script cache creates ignores itself: #what"() {
        given:
        Files.writeString(project.resolve('a1.groovy'), "revision 'a1'\nupgrade { }\n")
        def cache = project.resolve('.retort-cache')

        when:
        write(cache)

        then:
        Files.isDirectory(cache)
        Files.readString(cache.resolve('.gitignore')) == CacheFolder.GITIGNORE
        status().readLines() == ['?? a1.groovy']

        where:
        what                      | write
        'a compiled script'       | { Path c -> new CompiledScriptCache(c).put('k1', new CompiledScriptCache.Entry('A', ['A': new byte[]{1}])) }
        'the header index'        | { Path c -> def index = HeaderIndex.in(c, ['folder']); index.put('a1.groovy', new HeaderIndex.Stamp(1, 1, 0), new HeaderReader().read('a1.groovy', "revision 'a1'\nupgrade { }\n")); index.save(java.time.Instant.now()) }
    }

    def "a default-named folder an older version made without the file gets it"() {
        given:
        def cache = Files.createDirectories(project.resolve('.retort-cache'))
        Files.writeString(project.resolve('a1.groovy'), "revision 'a1'\nupgrade { }\n")

        when:
        new CompiledScriptCache(cache).put('k1', new CompiledScriptCache.Entry('A', ['A': new byte[]{1}]))

        then:
        status().readLines() == ['?? a1.groovy']
    }

    def "a folder that exists already is left as it is"() {
        given:
        def cache = Files.createDirectories(project.resolve('shared-cache'))

        when:
        new CompiledScriptCache(cache).put('k1', new CompiledScriptCache.Entry('A', ['A': new byte[]{1}]))

        then:
        !Files.exists(cache.resolve('.gitignore'))
    }
}
