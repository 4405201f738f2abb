package dev.retort.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph as arrays of integer positions (position = load order), built and validated once. Every walk is an
 * iterative marking over these arrays, so a 10,000-revision chain costs linear time and no stack depth.
 */
final class RevisionIndex {

    private static final int[] NONE = new int[0];

    final Revision[] revisions;
    final Map<String, Integer> byId;
    /** Each declared branch label and the position of the revision that declares it. */
    final Map<String, Integer> labelOwners;
    /** Version parents, in declared order. */
    final int[][] parents;
    /** Resolved {@code dependsOn} targets, in declared order, without repeats. */
    final int[][] dependencies;
    /** Dependencies, then parents, without repeats: every revision that must be applied first. */
    final int[][] down;
    /** Version children, in load order. */
    final int[][] children;
    /** Revisions that depend on this one, in load order. */
    final int[][] dependents;
    /** Children and dependents merged, in load order. */
    final int[][] up;

    private RevisionIndex(List<Revision> list) {
        int n = list.size();
        revisions = list.toArray(new Revision[0]);
        byId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Revision revision = revisions[i];
            IdentifierRules.check(revision);
            Integer previous = byId.putIfAbsent(revision.id(), i);
            if (previous != null) {
                throw new DuplicateRevisionException(revisions[previous], revision);
            }
        }
        labelOwners = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (String label : revisions[i].branchLabels()) {
                Integer named = byId.get(label);
                if (named != null) {
                    throw new BranchLabelCollisionException(label, revisions[i], revisions[named]);
                }
                Integer owner = labelOwners.putIfAbsent(label, i);
                if (owner != null && owner != i) {
                    throw new DuplicateBranchLabelException(label, revisions[owner], revisions[i]);
                }
            }
        }
        parents = new int[n][];
        dependencies = new int[n][];
        down = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = resolveParents(revisions[i]);
            dependencies[i] = resolveDependencies(i);
            down[i] = concatDistinct(dependencies[i], parents[i]);
        }
        children = invert(parents);
        dependents = invert(dependencies);
        up = new int[n][];
        for (int i = 0; i < n; i++) {
            up[i] = mergeSorted(children[i], dependents[i]);
        }
    }

    /** Builds the index, throwing the first {@link RevisionGraphException} found, checked in load order. */
    static RevisionIndex build(List<Revision> revisions) {
        RevisionIndex index = new RevisionIndex(revisions);
        int[] cycle = CycleFinder.firstCycle(index.parents);
        if (cycle != null) {
            throw new RevisionCycleException(index.list(cycle));
        }
        cycle = CycleFinder.firstCycle(index.down);
        if (cycle != null) {
            throw new DependencyCycleException(index.list(cycle));
        }
        return index;
    }

    int size() {
        return revisions.length;
    }

    /** The position of an exact revision id, or -1. */
    int position(String id) {
        Integer position = byId.get(id);
        return position == null ? -1 : position;
    }

    List<Revision> list(int[] positions) {
        List<Revision> result = new ArrayList<>(positions.length);
        for (int position : positions) {
            result.add(revisions[position]);
        }
        return result;
    }

    /** The revisions in a set, in load order. */
    List<Revision> list(BitSet positions) {
        List<Revision> result = new ArrayList<>(positions.cardinality());
        for (int i = positions.nextSetBit(0); i >= 0; i = positions.nextSetBit(i + 1)) {
            result.add(revisions[i]);
        }
        return result;
    }

    /** The starts and everything reachable from them along {@code edges}. */
    BitSet reach(BitSet starts, int[][] edges) {
        BitSet seen = new BitSet(size());
        int[] stack = new int[size()];
        int top = 0;
        for (int i = starts.nextSetBit(0); i >= 0; i = starts.nextSetBit(i + 1)) {
            if (!seen.get(i)) {
                seen.set(i);
                stack[top++] = i;
            }
        }
        while (top > 0) {
            for (int next : edges[stack[--top]]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    stack[top++] = next;
                }
            }
        }
        return seen;
    }

    BitSet ancestors(BitSet starts, Edges edges) {
        return reach(starts, edges == Edges.VERSIONED ? parents : down);
    }

    BitSet descendants(BitSet starts, Edges edges) {
        return reach(starts, edges == Edges.VERSIONED ? children : up);
    }

    /** Ancestors and descendants of one revision, itself included: what "shares lineage" with it. */
    BitSet lineage(int position, Edges edges) {
        BitSet start = new BitSet(size());
        start.set(position);
        BitSet result = ancestors(start, edges);
        result.or(descendants(start, edges));
        return result;
    }

    private int[] resolveParents(Revision revision) {
        List<String> names = revision.downRevisions();
        int[] result = new int[names.size()];
        int count = 0;
        for (String parent : names) {
            Integer position = byId.get(parent);
            if (position == null) {
                throw new UnknownParentException(revision, parent);
            }
            count = addDistinct(result, count, position);
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
    }

    /** A dependency names a revision id or, failing that, a branch label (the revision declaring it). */
    private int[] resolveDependencies(int self) {
        Revision revision = revisions[self];
        List<String> names = revision.dependsOn();
        if (names.isEmpty()) {
            return NONE;
        }
        int[] result = new int[names.size()];
        int count = 0;
        for (String dependency : names) {
            Integer position = byId.get(dependency);
            if (position == null) {
                position = labelOwners.get(dependency);
            }
            if (position == null) {
                throw new UnknownDependencyException(revision, dependency);
            }
            if (position == self) {
                throw new DependencySelfLoopException(revision);
            }
            count = addDistinct(result, count, position);
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
    }

    private static int[] concatDistinct(int[] first, int[] second) {
        if (first.length == 0) {
            return second;
        }
        int[] result = Arrays.copyOf(first, first.length + second.length);
        int count = first.length;
        for (int position : second) {
            count = addDistinct(result, count, position);
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
    }

    /**
     * Appends a position unless the first {@code count} already hold it; returns the new count. A revision names a
     * parent or two, so a linear search beats a set: this runs for every revision on every command, mostly before
     * the JIT has compiled anything.
     */
    private static int addDistinct(int[] positions, int count, int position) {
        for (int i = 0; i < count; i++) {
            if (positions[i] == position) {
                return count;
            }
        }
        positions[count] = position;
        return count + 1;
    }

    /** Reverses edges; iterating sources in load order leaves each target's list in load order. */
    private static int[][] invert(int[][] edges) {
        int n = edges.length;
        int[] counts = new int[n];
        for (int[] targets : edges) {
            for (int target : targets) {
                counts[target]++;
            }
        }
        int[][] inverse = new int[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int source = 0; source < n; source++) {
            for (int target : edges[source]) {
                inverse[target][counts[target]++] = source;
            }
        }
        return inverse;
    }

    private static int[] mergeSorted(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] result = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (k == 0 || result[k - 1] != next) {
                result[k++] = next;
            }
        }
        return Arrays.copyOf(result, k);
    }
}
