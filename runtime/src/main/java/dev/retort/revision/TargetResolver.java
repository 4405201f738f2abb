package dev.retort.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves command targets, which may be relative to the current revisions (the version table's rows): {@code +N}
 * and {@code label@+N} for upgrade, {@code -N} and {@code label@-N} for downgrade, plus every form
 * {@link RevisionResolver} knows. Semantics are Alembic's ({@code _parse_upgrade_target},
 * {@code _parse_downgrade_target}) except that {@code -N} from several current revisions is an error rather than a
 * warning, and {@code label@rev} as a downgrade target checks that the revision is on the branch.
 */
public final class TargetResolver {

    private final RevisionResolver revisions;
    private final RevisionGraph graph;
    private final RevisionIndex index;

    public TargetResolver(RevisionGraph graph) {
        this.revisions = new RevisionResolver(graph);
        this.graph = graph;
        this.index = graph.index();
    }

    public RevisionResolver revisions() {
        return revisions;
    }

    /** The revisions an upgrade should reach; empty means base (nothing to do). */
    public List<Revision> upgradeTargets(List<Revision> current, String target) {
        Optional<RelativeIdentifier> parsed = RelativeIdentifier.parse(target);
        if (parsed.isEmpty() || !parsed.get().isRelativeToCurrent()) {
            return revisions.resolve(target);
        }
        RelativeIdentifier relative = parsed.get();
        if (relative.steps() <= 0) {
            throw RelativeRevisionException.didNotProduce(target, relative.steps(),
                    "an upgrade walks up, so use a positive number (or downgrade " + target + ")");
        }
        BitSet onBranch = relative.branch() == null ? null : revisions.lineage(revisions.branch(relative.branch()));
        List<Integer> starts = upgradeStarts(current, onBranch);
        if (starts.size() > 1) {
            throw new AmbiguousWalkException(target, "Ambiguous upgrade from multiple current revisions: "
                    + RevisionGraphException.at(index.list(starts.stream().mapToInt(Integer::intValue).toArray()))
                    + "; name a branch, as in '<label>@" + target + "', or a revision, as in '<rev>" + target + "'");
        }
        int position = revisions.walk(target, starts.get(0), relative.steps(), onBranch,
                reason -> RelativeRevisionException.didNotProduce(target, relative.steps(), reason));
        return List.of(index.revisions[position]);
    }

    /** Where a downgrade should end; {@link Destination#isBase()} for base. */
    public Destination downgradeTarget(List<Revision> current, String target) {
        Optional<RelativeIdentifier> parsed = RelativeIdentifier.parse(target);
        if (parsed.isEmpty() || !parsed.get().isRelativeToCurrent()) {
            return absolute(target, parsed);
        }
        RelativeIdentifier relative = parsed.get();
        if (relative.steps() >= 0) {
            throw RelativeRevisionException.didNotProduce(target, relative.steps(),
                    "a downgrade walks down, so use a negative number (or upgrade " + target + ")");
        }
        Revision start;
        Revision branch;
        BitSet onBranch = null;
        if (relative.branch() != null) {
            branch = revisions.branch(relative.branch());
            onBranch = revisions.lineage(branch);
            List<Revision> candidates = revisions.inLineage(current, onBranch);
            if (candidates.isEmpty()) {
                candidates = revisions.inLineage(branchTips(current), onBranch);
            }
            if (candidates.isEmpty()) {
                throw RelativeRevisionException.didNotProduce(target, relative.steps(),
                        "no revision of branch '" + relative.branch() + "' is applied");
            }
            if (candidates.size() > 1) {
                throw new AmbiguousWalkException(target, "Ambiguous walk for '" + target + "': branch '"
                        + relative.branch() + "' has several current revisions: "
                        + RevisionGraphException.at(candidates));
            }
            start = candidates.get(0);
        } else {
            List<Revision> distinct = List.copyOf(new LinkedHashSet<>(current));
            if (distinct.isEmpty()) {
                throw RelativeRevisionException.didNotProduce(target, relative.steps(), "no revision is applied");
            }
            if (distinct.size() > 1) {
                throw new AmbiguousWalkException(target, "Ambiguous downgrade from multiple current revisions: "
                        + RevisionGraphException.at(distinct) + "; name a branch, as in '<label>@" + target
                        + "', or a revision, as in '" + distinct.get(0).id() + target + "'");
            }
            start = distinct.get(0);
            branch = start;
        }
        int position = revisions.walk(target, graph.position(start.id()), relative.steps(), onBranch,
                reason -> RelativeRevisionException.didNotProduce(target, relative.steps(), reason));
        return new Destination(target, position == RevisionResolver.BASE ? List.of()
                : List.of(index.revisions[position]), Optional.of(branch));
    }

    /**
     * Where a stamp should put the version table: any absolute form ({@code heads} gives several), or a walk
     * relative to the current revisions in either direction.
     */
    public Destination stampTarget(List<Revision> current, String target) {
        Optional<RelativeIdentifier> parsed = RelativeIdentifier.parse(target);
        if (parsed.isPresent() && parsed.get().isRelativeToCurrent()) {
            return parsed.get().steps() > 0
                    ? new Destination(target, upgradeTargets(current, target), Optional.empty())
                    : downgradeTarget(current, target);
        }
        try {
            return new Destination(target, revisions.resolve(target), branchOf(target, parsed));
        } catch (MultipleHeadsException multiple) {
            throw MultipleHeadsException.forStamp(target, multiple.heads().stream().map(graph::get).toList());
        }
    }

    private Destination absolute(String target, Optional<RelativeIdentifier> parsed) {
        Optional<Revision> revision = revisions.resolveOne(target);
        return new Destination(target, revision.stream().toList(), branchOf(target, parsed));
    }

    private Optional<Revision> branchOf(String target, Optional<RelativeIdentifier> parsed) {
        String branch = parsed.map(RelativeIdentifier::branch)
                .orElse(target.indexOf('@') < 0 ? null : target.substring(0, target.indexOf('@')));
        return branch == null ? Optional.empty() : Optional.of(revisions.branch(branch));
    }

    /**
     * Where {@code +N} starts: the current revisions (on the branch, if one is named). When the branch has no
     * current revision, the tips of what is applied on it (the branch forked off below a current revision), or base.
     */
    private List<Integer> upgradeStarts(List<Revision> current, BitSet onBranch) {
        List<Integer> starts = new ArrayList<>();
        if (current.isEmpty()) {
            starts.add(RevisionResolver.BASE);
            return starts;
        }
        for (Revision revision : current) {
            int position = graph.position(revision.id());
            if (onBranch == null || onBranch.get(position)) {
                starts.add(position);
            }
        }
        if (!starts.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(starts));
        }
        BitSet active = applied(current);
        active.and(onBranch);
        BitSet below = new BitSet(index.size());
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            for (int needed : index.down[i]) {
                below.set(needed);
            }
        }
        active.andNot(below);
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            starts.add(i);
        }
        if (starts.isEmpty()) {
            starts.add(RevisionResolver.BASE);
        }
        return starts;
    }

    /** The top of every applied line: applied revisions without an applied version child. */
    private List<Revision> branchTips(List<Revision> current) {
        BitSet active = applied(current);
        BitSet tips = (BitSet) active.clone();
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            for (int parent : index.parents[i]) {
                tips.clear(parent);
            }
        }
        return index.list(tips);
    }

    private BitSet applied(List<Revision> current) {
        Set<String> ids = new LinkedHashSet<>();
        current.forEach(revision -> ids.add(revision.id()));
        BitSet starts = new BitSet(index.size());
        ids.forEach(id -> starts.set(graph.position(id)));
        return index.ancestors(starts, Edges.WITH_DEPENDENCIES);
    }
}
