package dev.retort.revision;

import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated revision graph: answers every structural question the planner, {@code heads}, {@code history}
 * and {@code branches} need, without I/O. Immutable and safe to share; built only through {@link #of(List)}, which
 * throws one {@link RevisionGraphException} subclass per kind of defect.
 *
 * <h2>Vocabulary (Alembic's)</h2>
 * <ul>
 *   <li><b>head</b> ({@link #heads()}): a revision nothing builds on, neither as down revision nor through
 *       {@code dependsOn} (Alembic's "real head").</li>
 *   <li><b>effective head</b> ({@link #effectiveHeads()}): no revision names it as down revision, but some revision
 *       depends on it. It needs no row of its own once its dependent is applied.</li>
 *   <li><b>branch heads</b> ({@link #branchHeads()}): both kinds together, what {@code head} and
 *       {@code label@head} choose from.</li>
 *   <li><b>base</b>: no down revision (it may still have dependencies). <b>Branch point</b>: two or more version
 *       children. <b>Merge point</b>: two or more down revisions.</li>
 * </ul>
 *
 * <h2>Order</h2>
 * Revisions keep the order they were given in ("load order", file-name order for a folder); every tie is broken by
 * it, so every answer is deterministic.
 * <ul>
 *   <li><b>Upgrade order</b> ({@link #upgradeOrder}, {@link #topologicalOrder()}): take the revisions of the set
 *       that nothing else in the set builds on, in load order; for each, emit everything it needs that is not yet
 *       emitted, depth first, then itself. "Everything it needs" is visited dependencies first, then down
 *       revisions, each in declared order. So a whole line is emitted before the next head's line starts (Alembic
 *       also emits one branch at a time, but starts from the head loaded last), and a revision's dependencies come
 *       before its own line.</li>
 *   <li><b>Downgrade order</b> ({@link #downgradeOrder}, {@link #history()}): the mirror image. Take the set's
 *       revisions that need nothing else in the set, in load order; for each, emit everything built on it,
 *       depth first (children and dependents in load order), then itself. For two branches this reverts the
 *       first-loaded branch down to the branch point, then the second, then the trunk, as Alembic does.</li>
 * </ul>
 */
public final class RevisionGraph {

    private final RevisionIndex index;
    private final BranchLabels labels;
    private final List<Revision> revisions;
    private final List<Revision> heads;
    private final List<Revision> effectiveHeads;
    private final List<Revision> branchHeads;
    private final List<Revision> bases;
    private final List<Revision> branchPoints;
    private final List<Revision> mergePoints;

    private RevisionGraph(RevisionIndex index) {
        this.index = index;
        this.labels = new BranchLabels(index);
        this.revisions = List.of(index.revisions);
        int n = index.size();
        BitSet head = new BitSet(n);
        BitSet effective = new BitSet(n);
        BitSet base = new BitSet(n);
        BitSet branchPoint = new BitSet(n);
        BitSet mergePoint = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (index.children[i].length == 0) {
                (index.dependents[i].length == 0 ? head : effective).set(i);
            }
            base.set(i, index.parents[i].length == 0);
            branchPoint.set(i, index.children[i].length > 1);
            mergePoint.set(i, index.parents[i].length > 1);
        }
        this.heads = index.list(head);
        this.effectiveHeads = index.list(effective);
        head.or(effective);
        this.branchHeads = index.list(head);
        this.bases = index.list(base);
        this.branchPoints = index.list(branchPoint);
        this.mergePoints = index.list(mergePoint);
    }

    /**
     * Validates and indexes revisions given in load order (the order ties are broken by).
     *
     * @throws RevisionGraphException the first defect found: per-revision header problems in load order, then
     *                                duplicate ids, branch label clashes, unknown parents and dependencies, and
     *                                finally cycles
     */
    public static RevisionGraph of(List<Revision> revisions) {
        return new RevisionGraph(RevisionIndex.build(List.copyOf(revisions)));
    }

    /** Every revision, in load order. */
    public List<Revision> revisions() {
        return revisions;
    }

    public int size() {
        return revisions.size();
    }

    public boolean isEmpty() {
        return revisions.isEmpty();
    }

    public boolean contains(String id) {
        return index.byId.containsKey(id);
    }

    /** The revision with exactly this id (no prefixes, no labels; see {@link RevisionResolver} for those). */
    public Optional<Revision> find(String id) {
        int position = index.position(id);
        return position < 0 ? Optional.empty() : Optional.of(index.revisions[position]);
    }

    /** @throws UnknownRevisionException when no revision has exactly this id */
    public Revision get(String id) {
        return index.revisions[position(id)];
    }

    /** Version parents ({@code downRevisions}), in declared order. */
    public List<Revision> parents(String id) {
        return index.list(index.parents[position(id)]);
    }

    /** Resolved {@code dependsOn} targets (labels replaced by the revision declaring them), in declared order. */
    public List<Revision> dependencies(String id) {
        return index.list(index.dependencies[position(id)]);
    }

    /** Revisions naming this one as down revision, in load order. */
    public List<Revision> children(String id) {
        return index.list(index.children[position(id)]);
    }

    /** Revisions naming this one in {@code dependsOn}, in load order. */
    public List<Revision> dependents(String id) {
        return index.list(index.dependents[position(id)]);
    }

    /** Revisions nothing builds on, as down revision or dependency, in load order. */
    public List<Revision> heads() {
        return heads;
    }

    /** Revisions with no version child that something depends on: Alembic's {@code (effective head)}. */
    public List<Revision> effectiveHeads() {
        return effectiveHeads;
    }

    /** {@link #heads()} and {@link #effectiveHeads()} together, in load order: every revision without children. */
    public List<Revision> branchHeads() {
        return branchHeads;
    }

    /** Revisions without down revisions, in load order. */
    public List<Revision> bases() {
        return bases;
    }

    /** Revisions with two or more version children, in load order. */
    public List<Revision> branchPoints() {
        return branchPoints;
    }

    /** Revisions with two or more down revisions, in load order. */
    public List<Revision> mergePoints() {
        return mergePoints;
    }

    /** Every branch label the revision carries, declared or inherited (see {@link BranchLabels}), sorted. */
    public Set<String> branchLabels(String id) {
        return labels.of(position(id));
    }

    /** Every declared branch label, sorted. */
    public Set<String> labels() {
        return Collections.unmodifiableSet(new TreeSet<>(index.labelOwners.keySet()));
    }

    /** The revision that declares a branch label. */
    public Optional<Revision> labelOwner(String label) {
        Integer owner = index.labelOwners.get(label);
        return owner == null ? Optional.empty() : Optional.of(index.revisions[owner]);
    }

    /** The given revisions and everything below them, in load order. */
    public List<Revision> ancestors(Collection<String> ids, Edges edges) {
        return index.list(index.ancestors(positions(ids), edges));
    }

    /** The given revisions and everything built on them, in load order. */
    public List<Revision> descendants(Collection<String> ids, Edges edges) {
        return index.list(index.descendants(positions(ids), edges));
    }

    /** True when {@code ancestor} is {@code descendant} or lies below it. */
    public boolean isAncestor(String ancestor, String descendant, Edges edges) {
        int target = position(ancestor);
        return index.ancestors(positions(List.of(descendant)), edges).get(target);
    }

    /** Every revision in upgrade order (see the class comment): what {@code upgrade heads} from empty runs. */
    public List<Revision> topologicalOrder() {
        return upgradeOrder(index.byId.keySet());
    }

    /** Every revision newest first, in downgrade order (see the class comment), for {@code history}. */
    public List<Revision> history() {
        return downgradeOrder(index.byId.keySet());
    }

    /** The given revisions sorted so that everything a revision needs comes before it. */
    public List<Revision> upgradeOrder(Collection<String> ids) {
        return index.list(TopologicalOrder.upgrade(index, positions(ids)));
    }

    /** The given revisions sorted so that everything built on a revision comes before it. */
    public List<Revision> downgradeOrder(Collection<String> ids) {
        return index.list(TopologicalOrder.downgrade(index, positions(ids)));
    }

    RevisionIndex index() {
        return index;
    }

    boolean carriesLabel(int position, String label) {
        return labels.carries(position, label);
    }

    int position(String id) {
        int position = index.position(id);
        if (position < 0) {
            throw UnknownRevisionException.noSuchRevision(id);
        }
        return position;
    }

    private BitSet positions(Collection<String> ids) {
        BitSet result = new BitSet(index.size());
        for (String id : ids) {
            result.set(position(id));
        }
        return result;
    }
}
