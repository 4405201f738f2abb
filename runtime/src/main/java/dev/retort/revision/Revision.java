package dev.retort.revision;

import dev.retort.operation.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * A revision as its header declares it: identity and graph edges, no operations. Reading these for thousands of
 * files must stay cheap, so nothing here requires compiling a script.
 *
 * @param downRevisions the version parents; empty for a base, two or more for a merge point
 * @param dependsOn     ordering edges that are not version parents (revision ids or branch labels)
 * @param location      the script and the line of its {@code revision} declaration
 * @param checksum      of the normalized script source, null when the source is not a file
 */
public record Revision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
                       String message, SourceLocation location, String checksum) {

    public Revision {
        Objects.requireNonNull(id, "id");
        downRevisions = downRevisions == null ? List.of() : List.copyOf(downRevisions);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        message = message == null ? "" : message;
        location = location == null ? SourceLocation.UNKNOWN : location;
    }

    /** A revision with only an id and parents, for tests and for sources that are not files. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of(), "", SourceLocation.UNKNOWN, null);
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }

    /** The file this revision was read from, or a placeholder when it did not come from a file. */
    public String file() {
        return location.file();
    }

    @Override
    public String toString() {
        return id;
    }
}
