package dev.retort.cli;

import dev.retort.api.MigrationResult;

import java.util.List;

/** The one-line outcome of an upgrade or downgrade. */
final class Summary {

    private Summary() {
    }

    static String of(MigrationResult result, String verb) {
        String now = heads(result.endHeads());
        if (result.applied().isEmpty()) {
            return "Nothing to " + verb + "; the database is at " + now + ".";
        }
        int n = result.applied().size();
        return (verb.equals("upgrade") ? "Upgraded" : "Downgraded") + " to " + now + " (" + n
                + (n == 1 ? " revision" : " revisions") + " in " + result.totalTime().toMillis() + " ms).";
    }

    static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
