package dev.retort.revision;

import java.util.List;

/** A single revision was asked for ({@code head}, {@code label@head}) but several heads qualify; all are named. */
public final class MultipleHeadsException extends RevisionResolutionException {

    private final List<String> heads;

    private MultipleHeadsException(String argument, List<Revision> heads, String message) {
        super(argument, message + ": " + RevisionGraphException.at(heads));
        this.heads = RevisionGraphException.ids(heads);
    }

    static MultipleHeadsException forArgument(String argument, List<Revision> heads) {
        return new MultipleHeadsException(argument, heads, "Multiple head revisions are present for given argument '"
                + argument + "'; please specify a specific target revision, '<branchname>@head' to narrow to a "
                + "specific head, or 'heads' for all heads");
    }

    /** {@code stamp head} with several heads, with Alembic's wording for that command. */
    static MultipleHeadsException forStamp(String argument, List<Revision> heads) {
        return new MultipleHeadsException(argument, heads,
                "Multiple heads are present; please specify a single target revision");
    }

    /** The competing heads, in load order. */
    public List<String> heads() {
        return heads;
    }
}
