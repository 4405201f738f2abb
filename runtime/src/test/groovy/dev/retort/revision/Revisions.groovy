package dev.retort.revision

import dev.retort.operation.SourceLocation

import java.util.regex.Matcher

/**
 * Builds revisions and graphs tersely for specs. One string per revision:
 * <pre>
 *   'a1'                          a base
 *   'b2 <- a1'                    down revision a1
 *   'm <- b2, x'                  a merge point
 *   'a2 <- a1 needs m2, lib'      dependsOn m2 and the branch labelled lib
 *   'c1 <- b labels c1branch'     declares a branch label
 *   'l1 labels lib, core'         a base with two labels
 * </pre>
 * Each revision lives in {@code versions/<id>.groovy}, line 1, so messages can be checked for file names.
 */
final class Revisions {

    private static final String SPEC = /^\s*(\S+?)\s*(?:<-\s*(.*?))?\s*(?:\bneeds\s+(.*?))?\s*(?:\blabels\s+(.*?))?\s*$/

    static Revision rev(String spec, String file = null) {
        Matcher m = spec =~ SPEC
        assert m.matches(): "bad revision spec: $spec"
        String id = m.group(1)
        new Revision(id, names(m.group(2)), names(m.group(4)), names(m.group(3)), "message of $id",
                new SourceLocation(file ?: "versions/${id}.groovy", 1), null)
    }

    static List<Revision> revs(String... specs) {
        specs.collect { rev(it) }
    }

    static RevisionGraph graph(String... specs) {
        RevisionGraph.of(revs(specs))
    }

    /** Ids of a list of revisions, for comparing with expected lists. */
    static List<String> ids(Collection<Revision> revisions) {
        revisions*.id()
    }

    /** A straight chain r0 <- r1 <- ... of the given length, built without recursion. */
    static List<Revision> chain(int length, String prefix = 'r') {
        (0..<length).collect { i ->
            new Revision("$prefix$i", i == 0 ? [] : ["$prefix${i - 1}".toString()], [], [], '',
                    new SourceLocation("versions/${prefix}${i}.groovy", 1), null)
        }
    }

    private static List<String> names(String text) {
        text ? text.split(/\s*,\s*/).collect { it.trim() }.findAll() : []
    }
}
