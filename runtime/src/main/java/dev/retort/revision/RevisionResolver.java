package dev.retort.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Resolves the identifier forms that do not depend on the database: full ids, unique prefixes, branch labels,
 * {@code head}, {@code heads}, {@code base}, {@code label@head}, {@code label@heads}, {@code label@base},
 * {@code label@rev}, and walks from a named symbol ({@code rev+N}, {@code rev-N}, {@code head-N},
 * {@code label@head-N}, {@code label@base+N}). {@link TargetResolver} adds the forms relative to the current
 * revisions. Semantics are Alembic's ({@code RevisionMap.get_revisions}, {@code _walk}) except where noted:
 * <ul>
 *   <li>a prefix matches keys (ids and labels) of more than three characters; candidates that name the same
 *       revision are not ambiguous, and an ambiguity lists every candidate, not three;</li>
 *   <li>in {@code label@prefix}, a prefix matching no revision on the branch but one elsewhere is reported as
 *       "not a member of branch", not as unknown;</li>
 *   <li>{@code label@rev+N} starts from {@code label@rev} (so the start is checked to be on the branch), and the
 *       branch also settles forks when walking down, not only up.</li>
 * </ul>
 */
public final class RevisionResolver {

    static final int BASE = -1;
    private static final int MIN_PREFIX_KEY = 4;

    private final RevisionGraph graph;
    private final RevisionIndex index;
    /** Ids and labels long enough to be matched by prefix, to the revision they name. */
    private final TreeMap<String, Integer> prefixKeys = new TreeMap<>();

    public RevisionResolver(RevisionGraph graph) {
        this.graph = graph;
        this.index = graph.index();
        for (Map.Entry<String, Integer> entry : index.byId.entrySet()) {
            if (entry.getKey().length() >= MIN_PREFIX_KEY) {
                prefixKeys.put(entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<String, Integer> entry : index.labelOwners.entrySet()) {
            if (entry.getKey().length() >= MIN_PREFIX_KEY) {
                prefixKeys.put(entry.getKey(), entry.getValue());
            }
        }
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** One revision by full id, branch label or unique prefix. */
    public Revision revision(String key) {
        return index.revisions[lookup(key, key, null)];
    }

    /**
     * The revisions an identifier names: one for most forms, several for {@code heads}, none for {@code base} (or
     * for {@code head} in an empty graph).
     *
     * @throws RevisionResolutionException when it names nothing, or is relative to the current revisions
     */
    public List<Revision> resolve(String identifier) {
        Optional<RelativeIdentifier> relative = RelativeIdentifier.parse(identifier);
        if (relative.isPresent()) {
            if (relative.get().isRelativeToCurrent()) {
                throw new InvalidTargetException(identifier, "'" + identifier
                        + "' is relative to the current revisions; it is only valid as an upgrade or downgrade target");
            }
            return walkFromSymbol(relative.get());
        }
        int at = identifier.indexOf('@');
        if (at >= 0) {
            return onBranch(identifier, identifier.substring(0, at), identifier.substring(at + 1));
        }
        return switch (identifier) {
            case "heads" -> graph.heads();
            case "head" -> single(identifier, graph.branchHeads());
            case "base" -> List.of();
            default -> List.of(revision(identifier));
        };
    }

    /**
     * At most one revision: empty for {@code base}.
     *
     * @throws MultipleHeadsException when the identifier names several revisions
     */
    public Optional<Revision> resolveOne(String identifier) {
        return single(identifier, resolve(identifier)).stream().findFirst();
    }

    /** The revision a {@code branch@} qualifier stands for: a label's owner, or any revision id or prefix. */
    Revision branch(String branch) {
        Integer owner = index.labelOwners.get(branch);
        if (owner != null) {
            return index.revisions[owner];
        }
        try {
            return revision(branch);
        } catch (UnknownRevisionException unknown) {
            throw new UnknownBranchException(branch);
        }
    }

    /** Versioned ancestors and descendants of a branch's revision: what counts as "on the branch". */
    BitSet lineage(Revision branchRevision) {
        return index.lineage(graph.position(branchRevision.id()), Edges.VERSIONED);
    }

    /**
     * Walks {@code steps} version edges up (positive) or down (negative) from {@code start} ({@link #BASE} for
     * below every base), staying inside {@code onBranch} when it is not null.
     *
     * @param tooFar builds the error for running off the graph, given the reason
     * @return the position reached, or {@link #BASE}
     */
    int walk(String argument, int start, int steps, BitSet onBranch,
             Function<String, RevisionResolutionException> tooFar) {
        int position = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            int[] next;
            if (steps > 0) {
                next = position == BASE ? positions(graph.bases()) : index.children[position];
            } else if (position == BASE) {
                throw tooFar.apply("the walk goes below base");
            } else if (index.parents[position].length == 0) {
                position = BASE;
                continue;
            } else {
                next = index.parents[position];
            }
            List<Revision> candidates = new ArrayList<>();
            for (int candidate : next) {
                if (onBranch == null || onBranch.get(candidate)) {
                    candidates.add(index.revisions[candidate]);
                }
            }
            if (candidates.isEmpty()) {
                throw tooFar.apply(position == BASE ? "there are no revisions"
                        : "nothing" + (onBranch == null ? "" : " on the branch") + " is above "
                        + RevisionGraphException.at(index.revisions[position]));
            }
            if (candidates.size() > 1) {
                throw new AmbiguousWalkException(argument, "Ambiguous walk for '" + argument + "': "
                        + fork(position, steps > 0) + " " + RevisionGraphException.at(candidates)
                        + "; name a branch, as in '<label>@" + argument.substring(argument.indexOf('@') + 1) + "'");
            }
            position = graph.position(candidates.get(0).id());
        }
        return position;
    }

    private String fork(int position, boolean up) {
        if (position == BASE) {
            return "there are several bases:";
        }
        String at = RevisionGraphException.at(index.revisions[position]);
        return up ? at + " is a branch point with children" : at + " is a merge point of";
    }

    private List<Revision> walkFromSymbol(RelativeIdentifier relative) {
        Optional<Revision> start = resolveOne(relative.start());
        BitSet onBranch = relative.branch() == null ? null : lineage(branch(relative.branch()));
        int position = walk(relative.text(), start.map(r -> graph.position(r.id())).orElse(BASE), relative.steps(),
                onBranch, reason -> RelativeRevisionException.walkedTooFar(relative.text(), reason));
        return position == BASE ? List.of() : List.of(index.revisions[position]);
    }

    private List<Revision> onBranch(String argument, String branch, String rest) {
        Revision branchRevision = branch(branch);
        BitSet lineage = lineage(branchRevision);
        return switch (rest) {
            case "heads" -> inLineage(graph.branchHeads(), lineage);
            case "head" -> single(argument, inLineage(graph.branchHeads(), lineage));
            case "base" -> List.of();
            default -> {
                int position = lookup(argument, rest, lineage);
                if (!lineage.get(position)) {
                    throw new NotOnBranchException(argument, index.revisions[position], branch, branchRevision);
                }
                yield List.of(index.revisions[position]);
            }
        };
    }

    /**
     * An exact id or label, else a unique prefix. With a branch, prefixes are first matched among revisions on it;
     * when none is, the match is made without the branch, so the caller can say the revision is not on it.
     */
    private int lookup(String argument, String key, BitSet onBranch) {
        Integer exact = index.byId.get(key);
        if (exact == null) {
            exact = index.labelOwners.get(key);
        }
        if (exact != null) {
            return exact;
        }
        if (key.isEmpty()) {
            throw UnknownRevisionException.noSuchKey(key);
        }
        TreeSet<Integer> matches = new TreeSet<>();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : prefixKeys.tailMap(key, true).entrySet()) {
            if (!entry.getKey().startsWith(key)) {
                break;
            }
            if (onBranch == null || onBranch.get(entry.getValue())) {
                matches.add(entry.getValue());
                keys.add(entry.getKey());
            }
        }
        if (matches.isEmpty()) {
            if (onBranch != null) {
                return lookup(argument, key, null);
            }
            throw UnknownRevisionException.noSuchKey(key);
        }
        if (matches.size() > 1) {
            List<String> descriptions = new ArrayList<>();
            for (String candidate : keys) {
                Revision revision = index.revisions[prefixKeys.get(candidate)];
                descriptions.add("'" + candidate + "' (" + (candidate.equals(revision.id()) ? ""
                        : "branch label of " + revision.id() + ", ") + revision.location() + ")");
            }
            throw new AmbiguousRevisionException(argument, key, keys, descriptions);
        }
        return matches.first();
    }

    private static List<Revision> single(String argument, List<Revision> revisions) {
        if (revisions.size() > 1) {
            throw MultipleHeadsException.forArgument(argument, revisions);
        }
        return revisions;
    }

    List<Revision> inLineage(List<Revision> revisions, BitSet lineage) {
        return revisions.stream().filter(r -> lineage.get(graph.position(r.id()))).toList();
    }

    private int[] positions(List<Revision> revisions) {
        return revisions.stream().mapToInt(r -> graph.position(r.id())).toArray();
    }
}
