package dev.retort.revision;

import java.util.List;

/**
 * Where revisions come from. {@link #revisions()} must be cheap (headers only); {@link #load(Revision)} does the
 * expensive work of turning one revision into operations, and is called only for revisions that will run.
 */
public interface MigrationSource {

    /** Every revision, in a stable order (file name order for folders); the graph breaks ties with it. */
    List<Revision> revisions();

    /** The body of a revision returned by {@link #revisions()}. */
    Migration load(Revision revision);

    /** Loads several bodies; sources that can compile in batches override this. */
    default List<Migration> loadAll(List<Revision> revisions) {
        return revisions.stream().map(this::load).toList();
    }
}
