package dev.retort.revision;

import java.util.List;

/**
 * Down revisions are acyclic, but together with {@code dependsOn} edges they form a cycle. Reported separately
 * from {@link RevisionCycleException} because the fix is in a different header field.
 */
public final class DependencyCycleException extends RevisionGraphException {

    DependencyCycleException(List<Revision> cycle) {
        super("Dependency cycle is detected in revisions (" + String.join(", ", ids(cycle)) + "): " + at(cycle),
                ids(cycle));
    }
}
