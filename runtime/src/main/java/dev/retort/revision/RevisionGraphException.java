package dev.retort.revision;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The revisions a source supplied do not form a valid graph. Each failure has its own subclass so a caller (or a
 * test) can tell them apart without parsing messages; every message names the revision ids and the files that
 * declare them, because the fix is always an edit to one of those files.
 */
public abstract class RevisionGraphException extends RetortException {

    private final List<String> revisionIds;

    protected RevisionGraphException(String message, List<String> revisionIds) {
        super(ErrorCode.GRAPH, message);
        this.revisionIds = List.copyOf(revisionIds);
    }

    /** The ids of the revisions at fault, in the order the message names them. */
    public List<String> revisionIds() {
        return revisionIds;
    }

    /** {@code b2 (versions/b2.groovy:3)}: how every graph and resolution message points at a revision. */
    static String at(Revision revision) {
        return revision.id() + " (" + revision.location() + ")";
    }

    static String at(List<Revision> revisions) {
        return revisions.stream().map(RevisionGraphException::at).collect(Collectors.joining(", "));
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
