package dev.retort.dsl

import dev.retort.dsl.compile.HeaderReader
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.random.RandomGenerator

class RevisionTemplateSpec extends Specification {

    @TempDir
    Path dir

    def "a new base revision"() {
        expect:
        new RevisionTemplate('3f9a1c2b7d4e', [], [], [], 'create invoices').render() == '''\
            revision     '3f9a1c2b7d4e'
            message      'create invoices'

            upgrade {
                // createTable('invoices') {
                //     column('id', BIGINT) { primaryKey(); identity() }
                //     column('total', DECIMAL(12, 2)) { notNull(); defaultValue 0 }
                // }
            }

            downgrade {
                // dropTable('invoices')
            }
            '''.stripIndent()
    }

    def "a merge with labels and dependencies"() {
        expect:
        new RevisionTemplate('c3', ['a1', 'b2'], ['billing'], ['d4', 'e5'], 'merge').render().readLines().take(5) == [
                "revision     'c3'",
                "downRevision(['a1', 'b2'])",
                "branchLabels 'billing'",
                "dependsOn   (['d4', 'e5'])",
                "message      'merge'",
        ]
    }

    def "what the template writes reads back and loads: #down #labels #message"() {
        given:
        def template = new RevisionTemplate('a1b2c3d4e5f6', down, labels, depends, message)
        def scripts = new ScriptFixture(dir)

        when:
        def text = template.render()
        def revision = new HeaderReader().read('x.groovy', text).revision()
        def migration = scripts.load(text, template.fileName())

        then:
        revision.id() == 'a1b2c3d4e5f6'
        revision.downRevisions() == down
        revision.branchLabels() == labels
        revision.dependsOn() == depends
        revision.message() == message
        migration.upgrade() == []
        migration.downgrade() == []

        where:
        down         | labels       | depends | message
        []           | []           | []      | 'init'
        ['a1']       | ['billing']  | ['d4']  | "it's a \\ \$test\nwith two lines\tand a tab"
        ['a1', 'b2'] | ['x', 'y']   | []      | ''
    }

    def "file names: <id>_<slug>.groovy"() {
        expect:
        new RevisionTemplate('3f9a1c2b7d4e', [], [], [], message).fileName() == name

        where:
        message                                                      | name
        'Create invoices'                                            | '3f9a1c2b7d4e_create_invoices.groovy'
        '  Add column "total" (EUR) -- v2!  '                        | '3f9a1c2b7d4e_add_column_total_eur_v2.groovy'
        'Étape über'                                                 | '3f9a1c2b7d4e_tape_ber.groovy'
        'a very long message that goes on and on and on past forty'  | '3f9a1c2b7d4e_a_very_long_message_that_goes_on_and_on.groovy'
        'word word word word word word word word_ x'                 | '3f9a1c2b7d4e_word_word_word_word_word_word_word_word.groovy'
        '!!!'                                                        | '3f9a1c2b7d4e.groovy'
        ''                                                           | '3f9a1c2b7d4e.groovy'
    }

    def "slugs are at most 40 characters of a-z, 0-9 and _"() {
        expect:
        RevisionTemplate.slug(message) ==~ /[a-z0-9_]{0,40}/
        !RevisionTemplate.slug(message).startsWith('_')
        !RevisionTemplate.slug(message).endsWith('_')

        where:
        message << ['x' * 100, '_a_', 'A-B-C ' * 20, '   ', 'ÄÖÜ 123']
    }

    def "revision ids: 12 lowercase hex digits from the given generator"() {
        given:
        def ids = new RevisionIds(RandomGenerator.of('L64X128MixRandom'))
        def seeded = { new RevisionIds(new SplittableRandom(42)).generate() }

        expect:
        (1..1000).collect { ids.generate() }.every { it ==~ /[0-9a-f]{12}/ }
        (1..1000).collect { ids.generate() }.toSet().size() == 1000
        seeded() == seeded()
        new RevisionIds(new java.security.SecureRandom()).generate() ==~ /[0-9a-f]{12}/
    }
}
