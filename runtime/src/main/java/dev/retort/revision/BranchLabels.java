package dev.retort.revision;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which revisions carry each branch label, with Alembic's inheritance: a label covers the revision that declares
 * it and all its descendants (through down revisions), and also its ancestors down to, but not including, the
 * first branch point (counting dependents as children) or merge point. So labelling the first revision after a
 * branch point, or a base, labels that whole line.
 *
 * <p>Alembic starts the downward walk from an arbitrary leaf above the labelled revision, which skips the ancestors
 * whenever a branch point lies above it; Retort starts from the labelled revision itself.
 */
final class BranchLabels {

    /** Label to the positions carrying it, sorted by label so reports are stable. */
    private final Map<String, BitSet> members = new TreeMap<>();

    BranchLabels(RevisionIndex index) {
        for (Map.Entry<String, Integer> entry : index.labelOwners.entrySet()) {
            int owner = entry.getValue();
            BitSet start = new BitSet(index.size());
            start.set(owner);
            BitSet carriers = index.descendants(start, Edges.VERSIONED);
            int position = owner;
            while (index.up[position].length <= 1 && index.parents[position].length <= 1) {
                carriers.set(position);
                if (index.parents[position].length == 0) {
                    break;
                }
                position = index.parents[position][0];
            }
            members.put(entry.getKey(), carriers);
        }
    }

    Set<String> of(int position) {
        Set<String> result = new TreeSet<>();
        for (Map.Entry<String, BitSet> entry : members.entrySet()) {
            if (entry.getValue().get(position)) {
                result.add(entry.getKey());
            }
        }
        return Collections.unmodifiableSet(result);
    }

    boolean carries(int position, String label) {
        BitSet carriers = members.get(label);
        return carriers != null && carriers.get(position);
    }
}
