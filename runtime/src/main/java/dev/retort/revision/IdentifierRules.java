package dev.retort.revision;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a revision id or branch label may look like. The identifier grammar ({@code label@rev}, {@code rev+2},
 * {@code head-1}, {@code a:b}) uses {@code @ + - :} as separators, so a name containing one could not be typed back;
 * the symbols {@code head}, {@code heads} and {@code base} would shadow the revision of that name.
 */
final class IdentifierRules {

    private static final Set<String> RESERVED = Set.of("head", "heads", "base");

    private IdentifierRules() {
    }

    /** Checks the revision's own header: its id, its labels, and that it does not name itself. */
    static void check(Revision revision) {
        checkName(revision, revision.id(), "revision identifier");
        for (String label : revision.branchLabels()) {
            checkName(revision, label, "branch label");
        }
        if (revision.downRevisions().contains(revision.id())) {
            throw new SelfLoopException(revision);
        }
        if (revision.dependsOn().contains(revision.id())) {
            throw new DependencySelfLoopException(revision);
        }
    }

    private static boolean isPlain(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isLegal(name.charAt(i))) {
                return false;
            }
        }
        return !name.isEmpty() && !RESERVED.contains(name);
    }

    static boolean isLegal(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** @param kind "revision identifier" or "branch label", for the message */
    private static void checkName(Revision revision, String name, String kind) {
        if (isPlain(name)) {
            return; // the common case, without building the messages below
        }
        String where = kind.equals("branch label") ? " of revision " + RevisionGraphException.at(revision)
                : " in " + revision.location();
        if (name.isEmpty()) {
            throw new IllegalIdentifierException(revision, "Empty " + kind + where);
        }
        Set<Character> illegal = new TreeSet<>();
        for (char c : name.toCharArray()) {
            if (!isLegal(c)) {
                illegal.add(c);
            }
        }
        if (!illegal.isEmpty()) {
            String chars = illegal.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw new IllegalIdentifierException(revision, "Character(s) '" + chars + "' not allowed in " + kind
                    + " '" + name + "'" + where + "; use only letters, digits and '_'");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalIdentifierException(revision,
                    "The symbol '" + name + "' cannot be used as a " + kind + where);
        }
    }
}
