package dev.retort.cli

import dev.retort.testsupport.DatabaseEngine
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Branches and merges from the command line, with Alembic's rules and messages: several heads, {@code head} versus
 * {@code heads}, new revisions on a chosen parent ({@code --head}, {@code --splice}, {@code base}, labels,
 * {@code --depends-on}), {@code merge}, {@code branches}, {@code stamp} and {@code current --check-heads}.
 * <p>
 * The graph: {@code aaaa0001} is a base with two children, {@code bbbb0001} and {@code cccc0001}: two heads.
 */
class BranchesSpec extends Specification {

    static final String A = 'aaaa0001'
    static final String B = 'bbbb0001'
    static final String C = 'cccc0001'
    static final String MULTIPLE_HEADS = "Multiple head revisions are present for given argument 'head'; please specify" +
            " a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"

    @TempDir
    Path tmp

    @AutoCleanup
    CliFixture cli

    def setup() {
        cli = new CliFixture(tmp)
        cli.revision(A)
        cli.revision(B, down: A)
        cli.revision(C, down: A)
    }

    /** The id of the file a {@code revision} or {@code merge} run reports. */
    static String generated(CliResult result) {
        assert result.exit == 0: result
        def m = result.out.trim() =~ /^Generated migrations\/([0-9a-f]{12})_\w+\.groovy$/
        assert m.matches(): result
        m.group(1)
    }

    String scriptOf(String id) {
        Path file = Files.list(cli.migrations).withCloseable { files -> files.filter { it.fileName.toString().startsWith(id) }.findFirst().get() }
        Files.readString(file)
    }

    int scriptCount() {
        Files.list(cli.migrations).withCloseable { it.count() as int }
    }

    def "two revisions on one parent: head is ambiguous, heads applies both and the version table holds two rows (#engine)"() {
        given:
        cli.on(engine)

        expect: 'heads lists both, in file order'
        cli.run('heads').out == "$B (head)\n$C (head)\n"

        when:
        CliResult head = cli.run('upgrade', 'head')

        then: "Alembic's message, with the heads named; nothing ran"
        head.exit == 6
        head.error.startsWith(MULTIPLE_HEADS)
        head.error.contains(B) && head.error.contains(C)
        !head.hasStackTrace
        cli.versionRows() == []
        cli.userTables() == []

        when:
        CliResult heads = cli.run('upgrade', 'heads')

        then:
        heads.exit == 0
        heads.out.startsWith("Upgraded to $B, $C (3 revisions")
        cli.versionRows() == [B, C]
        cli.userTables() == ["t_$A", "t_$B", "t_$C"]*.toString()
        cli.run('current').out == "$B (head)\n$C (head)\n"

        when: 'one branch is taken down by one step'
        CliResult down = cli.run('downgrade', "$B@-1")

        then: 'its row goes; the parent is still implied by the other branch'
        down.exit == 0
        cli.versionRows() == [C]
        cli.userTables() == ["t_$A", "t_$C"]*.toString()

        where:
        engine << DatabaseEngine.values()
    }

    def "revision needs --head when there are several heads, and --splice to branch from a revision that is not a head"() {
        given:
        int before = scriptCount()

        when:
        CliResult noHead = cli.run('revision', '-m', 'x')

        then:
        noHead.exit == 6
        noHead.error.startsWith('Multiple heads are present; please specify the head revision on which the new' +
                ' revision should be based, or perform a merge.')
        noHead.error.endsWith(" Heads: $B (${cli.migrations.resolve("${B}.groovy")}:1), $C (${cli.migrations.resolve("${C}.groovy")}:1)")
        scriptCount() == before

        when:
        CliResult notAHead = cli.run('revision', '-m', 'x', '--head', A)

        then:
        notAHead.exit == 6
        notAHead.error == "Revision $A is not a head revision; please specify --splice to create a new branch from this revision"
        scriptCount() == before

        when: 'with --splice, and a prefix for the parent'
        String spliced = generated(cli.run('revision', '-m', 'third branch', '--head', 'aaaa', '--splice'))

        then:
        scriptOf(spliced) =~ /(?m)^downRevision\s+'$A'$/
        cli.run('heads').outLines.sort() == ["$B (head)", "$C (head)", "$spliced (head)"]*.toString().sort()

        when: 'on a head, no --splice is needed'
        String onB = generated(cli.run('revision', '-m', 'after b', '--head', B))

        then:
        scriptOf(onB) =~ /(?m)^downRevision\s+'$B'$/
        !cli.run('heads').out.contains(B + ' ')
    }

    def "--head base starts a new root; a branch label names its line; label@head appends to it"() {
        when:
        String root = generated(cli.run('revision', '-m', 'library root', '--head', 'base', '--branch-label', 'lib'))
        String text = scriptOf(root)

        then: 'no parent, the label in the header'
        !text.contains('downRevision')
        text =~ /(?m)^branchLabels\s+'lib'$/

        when:
        String second = generated(cli.run('revision', '-m', 'library two', '--head', 'lib@head'))

        then: 'its parent is the head of the labelled line; the label is inherited, not repeated'
        scriptOf(second) =~ /(?m)^downRevision\s+'$root'$/
        !scriptOf(second).contains('branchLabels')
        cli.run('heads').outLines.contains("$second (lib) (head)".toString())

        when: 'a label already in use'
        CliResult taken = cli.run('revision', '-m', 'again', '--head', 'base', '--branch-label', 'lib')

        then:
        taken.exit == 5
        taken.error.contains("'lib'")

        when: 'upgrading only that line'
        cli.on(DatabaseEngine.H2)
        CliResult upgrade = cli.run('upgrade', 'lib@head')

        then:
        upgrade.exit == 0
        cli.versionRows() == [second]
        cli.userTables() == []
    }

    def "--depends-on writes full ids (prefixes resolved) and keeps labels as labels"() {
        given:
        generated(cli.run('revision', '-m', 'lib', '--head', 'base', '--branch-label', 'lib'))

        when:
        String dependent = generated(cli.run('revision', '-m', 'needs b', '--head', C, '--depends-on', 'bbbb',
                '--depends-on', 'lib'))
        String text = scriptOf(dependent)

        then:
        text =~ /(?m)^downRevision\s+'$C'$/
        text =~ /(?m)^dependsOn\s+\(\['$B', 'lib'\]\)$/

        when: 'upgrading to it applies what it depends on first'
        cli.on(DatabaseEngine.H2)
        CliResult upgrade = cli.run('upgrade', dependent)

        then:
        upgrade.exit == 0
        cli.userTables() == ["t_$A", "t_$B", "t_$C"]*.toString()

        when: 'an unknown dependency'
        CliResult unknown = cli.run('revision', '-m', 'x', '--head', dependent, '--depends-on', 'zzzz9999')

        then:
        unknown.exit == 6
        unknown.error.contains('zzzz9999')
    }

    def "merge heads writes a merge revision, after which upgrade head works again"() {
        given:
        cli.on(DatabaseEngine.H2)
        cli.run('upgrade', 'heads')

        when:
        String merge = generated(cli.run('merge', 'heads', '-m', 'm'))
        String text = scriptOf(merge)

        then:
        text =~ /(?m)^downRevision\(\['$B', '$C'\]\)$/
        text =~ /(?m)^message\s+'m'$/
        cli.run('heads').out == "$merge (head)\n"
        cli.run('history').outLines[0] == "$B, $C -> $merge (head) (mergepoint), m"

        when:
        CliResult upgrade = cli.run('upgrade', 'head')

        then: 'the two rows become one'
        upgrade.exit == 0
        upgrade.out.startsWith("Upgraded to $merge (1 revision")
        upgrade.err == "Running upgrade $B, $C -> $merge, m\n"
        cli.versionRows() == [merge]

        when: 'only one head is left to merge'
        CliResult single = cli.run('merge', 'heads', '-m', 'again')

        then:
        single.exit == 6
        single.error.contains('at least two')
        single.error.endsWith("; heads are $merge (${cli.migrations.resolve("${merge}_m.groovy")}:1)")
    }

    def "branches shows each branch point and the revisions it branches into"() {
        when:
        CliResult branches = cli.run('branches')

        then:
        branches.exit == 0
        branches.outLines == [
                "<base> -> $A (branchpoint), create t_$A",
                "    -> $B (head), create t_$B",
                "    -> $C (head), create t_$C"]*.toString()

        when: 'merged, the branch point is still one; a straight line has none'
        generated(cli.run('merge', 'heads', '-m', 'm'))

        then:
        cli.run('branches').outLines.size() == 3
    }

    def "stamp sets the version table without running migrations"() {
        given:
        cli.on(DatabaseEngine.H2)

        expect:
        stamp(B) == [B]
        cli.userTables() == []
        stamp('heads') == [B, C]
        stamp(A) == [A]
        stamp('base') == []

        when: 'progress writes base as <base>, never as an empty side'
        CliResult fromBase = cli.run('stamp', A)
        CliResult toBase = cli.run('stamp', 'base')

        then:
        fromBase.errLines == ["Running stamp <base> -> $A, create t_$A".toString()]
        toBase.errLines == ["Running stamp $A -> <base>, create t_$A".toString()]

        when:
        CliResult head = cli.run('stamp', 'head')

        then:
        head.exit == 6
        head.error.startsWith('Multiple heads are present; please specify a single target revision')

        when: 'a row no script defines'
        stamp(A)
        cli.connect().withCloseable { it.createStatement().execute("INSERT INTO retort_version VALUES ('cafe0000')") }
        CliResult plain = cli.run('stamp', B)

        then:
        plain.exit == 9
        plain.error.contains('cafe0000')
        cli.versionRows() == [A, 'cafe0000']

        when:
        CliResult purge = cli.run('stamp', '--purge', B)

        then:
        purge.exit == 0
        cli.versionRows() == [B]
        cli.userTables() == []
    }

    def "stamp --sql prints the version-table statements and touches nothing; --purge is refused with it"() {
        given: 'a URL no server answers: offline needs none'
        cli.properties(url: 'jdbc:postgresql://127.0.0.1:1/nowhere')

        when:
        CliResult sql = cli.run('stamp', '--sql', "$A:$B")

        then:
        sql.exit == 0
        sql.out.contains("UPDATE \"retort_version\" SET \"version_num\" = '$B' WHERE \"version_num\" = '$A';")

        when:
        CliResult fromBase = cli.run('stamp', '--sql', C)

        then:
        fromBase.exit == 0
        fromBase.out.contains("INSERT INTO \"retort_version\" (\"version_num\") VALUES ('$C');")

        when:
        CliResult purge = cli.run('stamp', '--purge', '--sql', B)

        then: 'options that do not go together are a usage error'
        purge.exit == 2
        purge.errLines[0] == "Can't use --purge with --sql mode"
        purge.out == ''

        when:
        CliResult two = cli.run('stamp', '--sql', B, C)

        then:
        two.exit == 2
        two.errLines[0] == 'Stamp operation with --sql only supports a single starting revision at a time'
    }

    def "current --check-heads exits 1 unless the database is at every head"() {
        given:
        cli.on(DatabaseEngine.H2)

        when:
        CliResult empty = cli.run('current', '--check-heads')

        then:
        empty.exit == 1
        empty.error.startsWith('Database is not on all head revisions')

        when:
        cli.run('upgrade', B)
        CliResult behind = cli.run('current', '--check-heads')

        then: 'the rows are still printed; the message says where it is and what the heads are'
        behind.exit == 1
        behind.out == "$B (head)\n"
        behind.error.startsWith('Database is not on all head revisions')
        behind.error.contains(C)

        when:
        cli.run('upgrade', 'heads')

        then:
        cli.run('current', '--check-heads').exit == 0
    }

    def "a dependency on another branch: one version row, and current shows the target as (effective head)"() {
        given: 'a second root line, mmmm0001 <- mmmm0002, and on the first line a revision depending on mmmm0002'
        cli.on(DatabaseEngine.H2)
        cli.revision('mmmm0001')
        cli.revision('mmmm0002', down: 'mmmm0001')
        cli.revision('dddd0001', down: B, dependsOn: 'mmmm0002')

        expect:
        cli.run('heads').outLines == ["$C (head)", 'dddd0001 (head)', 'mmmm0002 (effective head)']*.toString()
        cli.run('heads', '--resolve-dependencies').outLines == ["$C (head)", 'dddd0001 (head)']*.toString()

        when:
        CliResult upgrade = cli.run('upgrade', 'dddd0001')

        then: 'what it depends on ran first, but only the dependent has a row'
        upgrade.exit == 0
        cli.userTables().containsAll(['t_mmmm0001', 't_mmmm0002', 't_dddd0001'])
        cli.versionRows() == ['dddd0001']
        cli.run('current').outLines == ['dddd0001 (head)', 'mmmm0002 (effective head)']

        when: 'going below the dependency takes the dependent down too'
        CliResult down = cli.run('downgrade', 'mmmm0001')

        then:
        down.exit == 0
        cli.versionRows() == [B, 'mmmm0001']
        cli.run('current').outLines == [B, 'mmmm0001']
    }

    List<String> stamp(String target) {
        CliResult result = cli.run('stamp', target)
        assert result.exit == 0: result
        assert result.out.startsWith('Stamped: the database is at '): result
        assert result.out.contains('no migration ran'): result
        cli.versionRows()
    }
}
