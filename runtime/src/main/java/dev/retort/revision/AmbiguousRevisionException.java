package dev.retort.revision;

import java.util.List;

/** A prefix matches more than one revision id or branch label; the message lists every candidate, sorted. */
public final class AmbiguousRevisionException extends RevisionResolutionException {

    private final List<String> candidates;

    AmbiguousRevisionException(String argument, String prefix, List<String> candidates, List<String> descriptions) {
        super(argument, "Multiple revisions start with '" + prefix + "': " + String.join(", ", descriptions));
        this.candidates = List.copyOf(candidates);
    }

    /** The matching ids and labels, sorted. */
    public List<String> candidates() {
        return candidates;
    }
}
