package dev.retort.cli;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;

import java.util.List;
import java.util.Set;

/**
 * How revisions are printed, in Alembic's format so habits carry over:
 * {@code a1 -> b2 (billing) (head) (branchpoint), message}; one-line forms put the id first.
 */
final class RevisionFormat {

    private final RevisionGraph graph;
    private final Set<String> current;

    RevisionFormat(RevisionGraph graph, Set<String> current) {
        this.graph = graph;
        this.current = current;
    }

    /** {@code id (labels) (head)}: for {@code current} and {@code heads}. */
    String brief(Revision r) {
        return r.id() + markers(r, false);
    }

    /** {@code parents -> id (labels) (head) (branchpoint) (mergepoint), message}: for {@code history}. */
    String line(Revision r) {
        String parents = r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
        return parents + " -> " + r.id() + markers(r, true) + (r.message().isEmpty() ? "" : ", " + r.message());
    }

    /** The full entry: for {@code --verbose} and {@code show}. */
    String verbose(Revision r) {
        StringBuilder b = new StringBuilder("Rev: ").append(r.id()).append(markers(r, true)).append('\n');
        if (r.isMergePoint()) {
            b.append("Merges: ").append(String.join(", ", r.downRevisions())).append('\n');
        } else {
            b.append("Parent: ").append(r.isBase() ? "<base>" : r.downRevisions().get(0)).append('\n');
        }
        if (!r.dependsOn().isEmpty()) {
            b.append("Also depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
        }
        List<Revision> children = graph.children(r.id());
        if (children.size() > 1) {
            b.append("Branches into: ").append(String.join(", ", children.stream().map(Revision::id).toList())).append('\n');
        }
        if (!graph.branchLabels(r.id()).isEmpty()) {
            b.append("Branch names: ").append(String.join(", ", graph.branchLabels(r.id()))).append('\n');
        }
        b.append("Path: ").append(r.file()).append('\n');
        if (!r.message().isEmpty()) {
            b.append('\n').append("    ").append(r.message().replace("\n", "\n    ")).append('\n');
        }
        return b.toString();
    }

    /** By id, which is unique in a graph: a record's equals is bootstrapped on first use, a cost every run paid. */
    private static boolean containsId(List<Revision> revisions, Revision r) {
        for (Revision candidate : revisions) {
            if (candidate.id().equals(r.id())) {
                return true;
            }
        }
        return false;
    }

    private String markers(Revision r, boolean structure) {
        StringBuilder b = new StringBuilder();
        Set<String> labels = graph.branchLabels(r.id());
        if (!labels.isEmpty()) {
            b.append(" (").append(String.join(", ", labels)).append(')');
        }
        if (containsId(graph.heads(), r)) {
            b.append(" (head)");
        } else if (containsId(graph.effectiveHeads(), r)) {
            b.append(" (effective head)");
        }
        if (structure && graph.children(r.id()).size() > 1) {
            b.append(" (branchpoint)");
        }
        if (structure && r.isMergePoint()) {
            b.append(" (mergepoint)");
        }
        if (current.contains(r.id())) {
            b.append(" (current)");
        }
        return b.toString();
    }
}
