package dev.retort.bench.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The neutral description: a linear chain of revisions, from which every tool's files are rendered. */
public record History(long seed, List<Revision> revisions) {

    public History {
        revisions = List.copyOf(revisions);
    }

    public int size() {
        return revisions.size();
    }

    public Revision head() {
        return revisions.get(revisions.size() - 1);
    }

    /** How many revisions of each kind. */
    public Map<Step.Kind, Integer> mix() {
        Map<Step.Kind, Integer> mix = new EnumMap<>(Step.Kind.class);
        for (Step.Kind kind : Step.Kind.values()) {
            mix.put(kind, 0);
        }
        revisions.forEach(r -> mix.merge(r.step().kind(), 1, Integer::sum));
        return mix;
    }
}
