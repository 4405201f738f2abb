package dev.retort.dsl.compile

import dev.retort.api.ErrorCode
import dev.retort.api.RetortException
import dev.retort.dsl.MigrationScript
import dev.retort.dsl.ScriptDeclarations
import dev.retort.dsl.ScriptFixture
import dev.retort.dsl.SourceLocator
import dev.retort.operation.SourceLocation
import spock.lang.Specification

class HeaderReaderSpec extends Specification {

    static final String FILE = 'db/migrations/a1_test.groovy'

    HeaderReader reader = new HeaderReader()

    ScriptHeader read(String text) {
        reader.read(FILE, text)
    }

    def "reads every header keyword"() {
        when:
        def header = read('''\
            revision     '3f9a1c2b7d4e'
            downRevision '9b0e4d1a2c3f'
            branchLabels 'billing'
            dependsOn    '77aa11bb22cc'
            message      'create invoices'
            transactional false

            upgrade { }
            downgrade { }
            '''.stripIndent())
        def revision = header.revision()

        then:
        revision.id() == '3f9a1c2b7d4e'
        revision.downRevisions() == ['9b0e4d1a2c3f']
        revision.branchLabels() == ['billing']
        revision.dependsOn() == ['77aa11bb22cc']
        revision.message() == 'create invoices'
        revision.location() == new SourceLocation(FILE, 1)
        revision.checksum() ==~ /s1:[0-9a-f]{64}/
        !header.transactional()
    }

    def "defaults: a base revision, no labels or dependencies, empty message, transactional"() {
        when:
        def header = read("revision 'a1'\nchange { }\n")

        then:
        with(header.revision()) {
            downRevisions() == []
            branchLabels() == []
            dependsOn() == []
            message() == ''
            isBase()
        }
        header.transactional()
    }

    def "header form: #description"() {
        when:
        def revision = read(text).revision()

        then:
        revision.id() == 'a1'
        revision.downRevisions() == down
        revision.location().line() == line

        where:
        description                  | text                                                                   | down         | line
        'parentheses'                | "revision('a1')\ndownRevision('b2')\nupgrade { }"                      | ['b2']       | 1
        'space before parentheses'   | "revision ('a1')\ndownRevision ( 'b2' )\nupgrade { }"                  | ['b2']       | 1
        'semicolons'                 | "revision 'a1'; downRevision 'b2';\nupgrade { }"                       | ['b2']       | 1
        'double quotes'              | 'revision "a1"\ndownRevision "b2"\nupgrade { }'                        | ['b2']       | 1
        'triple quotes'              | "revision '''a1'''\ndownRevision \"\"\"b2\"\"\"\nupgrade { }"          | ['b2']       | 1
        'null parent'                | "revision 'a1'\ndownRevision null\nupgrade { }"                        | []           | 1
        'null parent in parentheses' | "revision 'a1'\ndownRevision(null)\nupgrade { }"                       | []           | 1
        'empty list'                 | "revision 'a1'\ndownRevision([])\nupgrade { }"                         | []           | 1
        'merge'                      | "revision 'a1'\ndownRevision(['b2', 'c3'])\nupgrade { }"               | ['b2', 'c3'] | 1
        'multi-line merge list'      | "revision 'a1'\ndownRevision([\n  'b2', // first\n  'c3',\n])\nchange { }" | ['b2', 'c3'] | 1
        'line comments'              | "// a migration\nrevision 'a1' // the id\n// downRevision 'x'\nchange { }" | []        | 2
        'block comments'             | "/*\n downRevision 'x'\n*/\nrevision /* id */ 'a1'\nchange { }"        | []           | 4
        'block comment ends a line'  | "revision 'a1' /* one\n two */ downRevision 'b2'\nchange { }"          | ['b2']       | 1
        'shebang'                    | "#!/usr/bin/env groovy\nrevision 'a1'\nchange { }"                     | []           | 2
        'byte-order mark'            | "\uFEFFrevision 'a1'\nchange { }"                                      | []           | 1
        'CRLF line ends'             | "\r\n\r\nrevision 'a1'\r\ndownRevision 'b2'\r\nchange { }"             | ['b2']       | 3
        'CR line ends'               | "\r\rrevision 'a1'\rchange { }"                                        | []           | 3
        'imports'                    | "import java.time.LocalDate\nimport static java.lang.Math.max\nrevision 'a1'\nchange { }" | [] | 3
        'no body'                    | "revision 'a1'\n"                                                      | []           | 1
        'tabs'                       | "\trevision\t'a1'\nchange { }"                                         | []           | 1
    }

    def "list keywords take one value, several, or one list: #text"() {
        expect:
        read("revision 'a1'\n$text\nchange { }").revision().branchLabels() == labels

        where:
        text                                  | labels
        "branchLabels 'x'"                    | ['x']
        "branchLabels 'x', 'y'"               | ['x', 'y']
        "branchLabels 'x',\n   'y'"           | ['x', 'y']
        "branchLabels(['x', 'y'])"            | ['x', 'y']
        "branchLabels('x', 'y')"              | ['x', 'y']
        "branchLabels null"                   | []
    }

    def "strings follow Groovy's escapes and multi-line text"() {
        expect:
        read("revision 'a1'\nmessage $literal\nchange { }").revision().message() == message

        where:
        literal                         | message
        /'it\'s'/                       | "it's"
        /"say \"hi\""/                  | 'say "hi"'
        /'tab\there'/                   | 'tab\there'
        /'back\\slash'/                 | 'back\\slash'
        /'\u00e9t\u00E9'/               | 'été'
        /"costs \$5"/                   | 'costs $5'
        /'costs $5'/                    | 'costs $5'
        "'''two\nlines'''"              | 'two\nlines'
        "'''joined \\\nline'''"         | 'joined line'
        /'octal \101'/                  | 'octal A'
    }

    def "reading stops at the first block: what follows is not looked at"() {
        expect:
        read("revision 'a1'\n$body\nrevision 'zz' 'unterminated").revision().id() == 'a1'

        where:
        body << ['upgrade {', 'downgrade {', 'change {', 'upgrade({', 'change({']
    }

    def "#description is an error at line #line"() {
        when:
        read(text)

        then:
        RetortException e = thrown()
        e.code() == ErrorCode.SCRIPT
        e.message == "$FILE:$line: $message"

        where:
        description              | text                                                 | line | message
        'no revision'            | "downRevision 'b2'\n\nupgrade { }"                   | 3    | "no revision declared: a migration starts with revision '<id>'"
        'an empty file'          | ''                                                   | 1    | "no revision declared: a migration starts with revision '<id>'"
        'a variable'             | "\nrevision someVar\nupgrade { }"                    | 2    | 'revision takes literal values only (strings, lists of strings, null, true/false), not `someVar`: the header is read without running the script'
        'a method call'          | "revision id()\nupgrade { }"                         | 1    | 'revision takes literal values only (strings, lists of strings, null, true/false), not `id`: the header is read without running the script'
        'a method on a string'   | "revision 'a1'.trim()\nupgrade { }"                  | 1    | 'revision takes literal values only (strings, lists of strings, null, true/false), not `.`: the header is read without running the script'
        'a concatenation'        | "revision 'a1'\nmessage 'a' + 'b'"                   | 2    | 'message takes literal values only (strings, lists of strings, null, true/false), not `+`: the header is read without running the script'
        'an interpolated string' | "revision 'a1'\nmessage \"at \${new Date()}\""       | 2    | 'message takes literal values only: a "…" string with $ is computed when the script runs; use \'…\' or escape the $ as \\$'
        'a list for revision'    | "revision(['a1', 'b2'])"                             | 1    | "revision takes one id as a string, such as revision '3f9a1c2b7d4e', not [a1, b2]"
        'null for revision'      | "revision null"                                      | 1    | "revision takes one id as a string, such as revision '3f9a1c2b7d4e', not null"
        'a bad id'               | "revision 'a-1'"                                     | 1    | "revision 'a-1' must be letters, digits and underscores only"
        'a bad parent id'        | "revision 'a1'\ndownRevision(['b2', 'c 3'])"         | 2    | "downRevision 'c 3' must be letters, digits and underscores only"
        'an unknown keyword'     | "revision 'a1'\n\nrevison 'b2'\nupgrade { }"         | 3    | 'unexpected `revison` before upgrade, downgrade or change: the header holds only revision, downRevision, branchLabels, dependsOn, message and transactional, with literal values'
        'other code'             | "revision 'a1'\ndef x = 1\nupgrade { }"              | 2    | 'unexpected `def` before upgrade, downgrade or change: the header holds only revision, downRevision, branchLabels, dependsOn, message and transactional, with literal values'
        'a keyword twice'        | "revision 'a1'\nmessage 'x'\nmessage 'y'"            | 3    | 'message is declared twice (first on line 2)'
        'two parents'            | "revision 'a1'\ndownRevision 'b2', 'c3'"             | 2    | "downRevision takes one id, or a list for a merge: downRevision(['a1', 'b2'])"
        'a list without parens'  | "revision 'a1'\ndownRevision ['b2', 'c3']"           | 2    | 'write downRevision([...]) with parentheses: without them Groovy reads the list as an index'
        'a value on the next line' | "revision\n'a1'"                                   | 1    | "revision needs a value on the same line, such as revision 'abc123'"
        'no value'               | "revision()"                                         | 1    | 'revision needs a value'
        'an unclosed parenthesis'| "revision('a1'\nupgrade { }"                         | 2    | 'revision takes literal values only (strings, lists of strings, null, true/false), not `upgrade`: the header is read without running the script'
        'a nested list'          | "revision 'a1'\ndependsOn([['x']])"                  | 2    | 'dependsOn lists hold strings only, not [x]'
        'a boolean message'      | "revision 'a1'\nmessage true"                        | 2    | 'message takes a string, not true'
        'a string flag'          | "revision 'a1'\ntransactional 'no'"                  | 2    | 'transactional takes true or false, not no'
        'an unterminated string' | "revision 'a1'\nmessage 'oops\nupgrade { }"          | 2    | "unterminated string: use ''' for text over several lines"
        'an unterminated text'   | "revision 'a1'\n\nmessage '''oops\nupgrade { }"      | 3    | 'unterminated string'
        'an unterminated comment'| "revision 'a1'\n/* oops\nupgrade { }"                | 2    | 'unterminated /* comment'
        'an unknown escape'      | "revision 'a1'\nmessage 'a\\qb'"                     | 2    | 'unsupported escape \\q in a string'
    }

    def "the checksum ignores a byte-order mark, line-end style and trailing whitespace, nothing else"() {
        given:
        def base = "revision 'a1'\nupgrade {\n    sql 'x'\n}\n"

        expect:
        read(variant).revision().checksum() == SourceChecksum.of(base)
        read(base).revision().checksum() == SourceChecksum.of(base)

        and:
        read(base.replace("'x'", "'y'")).revision().checksum() != read(base).revision().checksum()
        read(base.replace('    sql', '  sql')).revision().checksum() != read(base).revision().checksum()
        read(base + '\n').revision().checksum() != read(base).revision().checksum()

        where:
        variant << [
                "\uFEFFrevision 'a1'\nupgrade {\n    sql 'x'\n}\n",
                "revision 'a1'\r\nupgrade {\r\n    sql 'x'\r\n}\r\n",
                "revision 'a1'\rupgrade {\r    sql 'x'\r}\r",
                "revision 'a1'   \nupgrade {\t\n    sql 'x'  \n}\n",
        ]
    }

    def "the checksum is SHA-256 of the normalized text, tagged with its algorithm"() {
        expect:
        SourceChecksum.of('abc  \r\n') == 's1:' + java.security.MessageDigest.getInstance('SHA-256')
                .digest('abc\n'.bytes).encodeHex().toString()
    }

    def "text with nothing to normalize has the checksum of its normalized form: #text.inspect()"() {
        expect:
        SourceChecksum.of(text) == SourceChecksum.of(text + ' ')
        SourceChecksum.of(text) == 's1:' + java.security.MessageDigest.getInstance('SHA-256')
                .digest(normal.getBytes('UTF-8')).encodeHex().toString()

        where:
        text                 | normal
        ''                   | ''
        'a'                  | 'a'
        'a\nb'               | 'a\nb'
        'a \tb\n\nc'         | 'a \tb\n\nc'
        'a\u000B\nb'         | 'a\nb'
        'a\n\u2003'          | 'a\n'
        'é\n'                | 'é\n'
        '\n\n'               | '\n\n'
        ' \n'                | '\n'
        '\na \nb'            | '\na\nb'
        '\n\na\t'            | '\n\na'
    }

    def "what the reader finds equals what the script declares when it runs: #sample"() {
        given:
        def header = read(sample)
        def type = ScriptFixture.COMPILER.compile(FILE, sample)
        def script = type.getDeclaredConstructor().newInstance()
        def declared = ScriptDeclarations.attach(script, new SourceLocator(FILE, type.name))
        script.run()

        expect:
        with(header.revision()) {
            id() == declared.revision()
            downRevisions() == declared.downRevisions()
            branchLabels() == declared.branchLabels()
            dependsOn() == declared.dependsOn()
            message() == declared.message()
        }
        header.transactional() == declared.transactional()

        where:
        sample << [
                "revision 'a1'\nchange { }",
                "revision('a1'); downRevision('b2'); message('x')\nupgrade { }",
                "revision 'a1'\ndownRevision null\nbranchLabels 'x', 'y'\ndependsOn(['d4'])\ntransactional false\nupgrade { }",
                "revision 'a1'\ndownRevision(['b2',\n 'c3'])\nmessage '''multi\nline \\'quoted\\' \\u00e9'''\nupgrade { }",
                "\uFEFF#!/usr/bin/env groovy\n// c\nrevision \"a1\" /* x */\nmessage \"tab\\there \\\$5\"\ndependsOn null\nchange { }",
                "import java.time.LocalDate\nrevision 'a1'\nbranchLabels(['l'])\nmessage 'o\\101'\r\nupgrade { }",
        ]
    }
}
