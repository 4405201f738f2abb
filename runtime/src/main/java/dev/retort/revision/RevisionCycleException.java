package dev.retort.revision;

import java.util.List;

/**
 * Down revisions form a cycle. The message lists exactly the revisions on the cycle (one strongly connected
 * component, in load order), not every revision that merely sits above it.
 */
public final class RevisionCycleException extends RevisionGraphException {

    RevisionCycleException(List<Revision> cycle) {
        super("Cycle is detected in revisions (" + String.join(", ", ids(cycle)) + "): " + at(cycle), ids(cycle));
    }
}
