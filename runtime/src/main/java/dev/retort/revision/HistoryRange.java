package dev.retort.revision;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code history -r START:END}: the revisions from START up to END, newest first. Either end may be empty
 * (base, or every head); both ends must lie on one line of descent.
 */
public final class HistoryRange {

    private final RevisionGraph graph;
    private final RevisionResolver resolver;

    public HistoryRange(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = new RevisionResolver(graph);
    }

    /** @param current the database's rows, substituted for the symbol {@code current} */
    public List<Revision> select(String range, List<String> current) {
        if (range == null || range.isBlank()) {
            return graph.history();
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new InvalidTargetException(range, "History range requires [start]:[end], [start]:, or :[end]");
        }
        List<String> starts = ends(range.substring(0, colon), current);
        List<String> ends = ends(range.substring(colon + 1), current);
        Set<String> keep = new HashSet<>();
        if (starts != null) {
            graph.descendants(starts, Edges.VERSIONED).forEach(r -> keep.add(r.id()));
        }
        if (ends != null) {
            Set<String> below = new HashSet<>();
            graph.ancestors(ends, Edges.VERSIONED).forEach(r -> below.add(r.id()));
            if (starts != null) {
                keep.retainAll(below);
                if (keep.isEmpty() || !keep.containsAll(starts)) {
                    throw new InvalidTargetException(range, "Requested range " + range
                            + " does not refer to ancestor/descendant revisions along the same branch");
                }
            } else {
                keep.addAll(below);
            }
        }
        return graph.history().stream().filter(r -> keep.contains(r.id())).toList();
    }

    /** null for an open end. */
    private List<String> ends(String symbol, List<String> current) {
        if (symbol.isBlank() || symbol.equals("base")) {
            return null;
        }
        if (symbol.equals("current")) {
            return current.isEmpty() ? null : current;
        }
        return resolver.resolve(symbol).stream().map(Revision::id).toList();
    }
}
