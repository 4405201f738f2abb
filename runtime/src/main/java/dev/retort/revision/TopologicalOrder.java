package dev.retort.revision;

import java.util.BitSet;

/**
 * The deterministic orders in which a set of revisions is applied or reverted. Both are iterative depth-first
 * post-orders seeded in load order; see {@link RevisionGraph} for the rule in words. The walk passes through
 * revisions outside the set (emitting only members), so a member that reaches another only through outsiders is
 * still ordered after it. For the sets the planner passes, which are convex, no such path exists and the walk
 * never leaves the set except into revisions that lead nowhere back into it.
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /** Parents and dependencies before their children: seeds are the set's tops, walking down. */
    static int[] upgrade(RevisionIndex index, BitSet set) {
        return postOrder(set, index.down, index.up);
    }

    /** Children and dependents before what they need: seeds are the set's bottoms, walking up. */
    static int[] downgrade(RevisionIndex index, BitSet set) {
        return postOrder(set, index.up, index.down);
    }

    /**
     * Seeds are the members with no {@code opposite} neighbour in the set, in load order. From each seed, follow
     * {@code edges} (in their stored order) and emit a member once everything it leads to has been visited.
     */
    private static int[] postOrder(BitSet set, int[][] edges, int[][] opposite) {
        int n = edges.length;
        int[] result = new int[set.cardinality()];
        int emitted = 0;
        BitSet visited = new BitSet(n);
        int[] stack = new int[n];
        int[] nextEdge = new int[n];
        for (int seed = set.nextSetBit(0); seed >= 0; seed = set.nextSetBit(seed + 1)) {
            if (visited.get(seed) || hasNeighbourIn(set, opposite[seed])) {
                continue;
            }
            int top = 0;
            visited.set(seed);
            stack[top++] = seed;
            while (top > 0) {
                int v = stack[top - 1];
                int[] out = edges[v];
                while (nextEdge[v] < out.length && visited.get(out[nextEdge[v]])) {
                    nextEdge[v]++;
                }
                if (nextEdge[v] < out.length) {
                    int w = out[nextEdge[v]++];
                    visited.set(w);
                    stack[top++] = w;
                } else {
                    top--;
                    if (set.get(v)) {
                        result[emitted++] = v;
                    }
                }
            }
        }
        if (emitted != result.length) {
            throw new IllegalStateException("revision set is not acyclic; the graph validation should have caught it");
        }
        return result;
    }

    private static boolean hasNeighbourIn(BitSet set, int[] neighbours) {
        for (int neighbour : neighbours) {
            if (set.get(neighbour)) {
                return true;
            }
        }
        return false;
    }
}
