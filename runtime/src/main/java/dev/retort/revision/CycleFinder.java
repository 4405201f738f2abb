package dev.retort.revision;

import java.util.Arrays;

/**
 * Finds a cycle precisely: the strongly connected component (Tarjan's algorithm, iterative so that a long chain
 * cannot overflow the stack) that contains the earliest-loaded revision on any cycle. Revisions that merely sit
 * above a cycle are not part of it, unlike Alembic, which reports everything it could not reach.
 */
final class CycleFinder {

    private CycleFinder() {
    }

    /** The positions of one cycle in ascending (load) order, or null when the edges are acyclic. */
    static int[] firstCycle(int[][] edges) {
        int n = edges.length;
        int[] order = new int[n];
        Arrays.fill(order, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] component = new int[n];
        int componentTop = 0;
        int[] calls = new int[n];
        int[] nextEdge = new int[n];
        int counter = 0;
        int[] best = null;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int callTop = 0;
            order[root] = low[root] = counter++;
            component[componentTop++] = root;
            onStack[root] = true;
            calls[callTop++] = root;
            while (callTop > 0) {
                int v = calls[callTop - 1];
                if (nextEdge[v] < edges[v].length) {
                    int w = edges[v][nextEdge[v]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        component[componentTop++] = w;
                        onStack[w] = true;
                        calls[callTop++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                callTop--;
                if (callTop > 0) {
                    int caller = calls[callTop - 1];
                    low[caller] = Math.min(low[caller], low[v]);
                }
                if (low[v] == order[v]) {
                    int start = componentTop;
                    do {
                        start--;
                        onStack[component[start]] = false;
                    } while (component[start] != v);
                    if (componentTop - start > 1) {
                        int[] members = Arrays.copyOfRange(component, start, componentTop);
                        Arrays.sort(members);
                        if (best == null || members[0] < best[0]) {
                            best = members;
                        }
                    }
                    componentTop = start;
                }
            }
        }
        return best;
    }
}
