package dev.retort.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which parents a new revision gets ({@code revision --head}, {@code merge}), with Alembic's rules: by default the
 * single head; {@code base} for a new root; a revision that is not a head only with {@code splice}.
 */
public final class NewRevisionRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    private final RevisionGraph graph;
    private final RevisionResolver resolver;

    public NewRevisionRules(RevisionGraph graph) {
        this.graph = graph;
        this.resolver = new RevisionResolver(graph);
    }

    /**
     * The parent ids for {@code revision --head H…}; no heads given means {@code head}.
     *
     * @throws InvalidTargetException when several heads exist and none was chosen, or a parent is not a head
     *                                and {@code splice} is false
     */
    public List<String> parentsFor(List<String> heads, boolean splice) {
        if (heads.isEmpty()) {
            if (graph.heads().size() > 1) {
                throw new InvalidTargetException("head", "Multiple heads are present; please specify the head revision on"
                        + " which the new revision should be based, or perform a merge. Heads: "
                        + RevisionGraphException.at(graph.heads()));
            }
            return ids(graph.heads());
        }
        Set<String> parents = new LinkedHashSet<>();
        for (String head : heads) {
            for (Revision r : resolver.resolve(head)) {
                if (!parents.add(r.id())) {
                    throw new InvalidTargetException(head, "Duplicate head revisions specified: " + r.id());
                }
                if (!splice && !graph.children(r.id()).isEmpty()) {
                    throw new InvalidTargetException(head, "Revision " + r.id() + " is not a head revision; please specify"
                            + " --splice to create a new branch from this revision");
                }
            }
        }
        return List.copyOf(parents);
    }

    /** The parents of a merge revision: the given revisions, or every head for {@code heads}. */
    public List<String> parentsForMerge(List<String> revisions, boolean splice) {
        List<String> parents = parentsFor(revisions.isEmpty() ? List.of("heads") : revisions, splice);
        if (parents.size() < 2) {
            throw new InvalidTargetException(String.join(" ", revisions), "a merge needs at least two revisions to join, got "
                    + (parents.isEmpty() ? "none" : parents.get(0)) + "; heads are "
                    + (graph.heads().isEmpty() ? "none" : RevisionGraphException.at(graph.heads())));
        }
        return parents;
    }

    /** Full ids for {@code --depends-on}; a branch label stays a label, as Alembic keeps it. */
    public List<String> dependencies(List<String> dependsOn) {
        List<String> resolved = new ArrayList<>();
        for (String d : dependsOn) {
            resolved.add(graph.labels().contains(d) ? d : resolver.revision(d).id());
        }
        return resolved;
    }

    /** A hand-chosen id must be well-formed and new. */
    public void checkNewId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidTargetException(id, "revision id '" + id + "' may only contain letters, digits and _");
        }
        if (graph.contains(id) || graph.labels().contains(id)) {
            String where = graph.find(id).map(r -> " (" + r.file() + ")").orElse(" (a branch label)");
            throw new InvalidTargetException(id, "revision id '" + id + "' is already used" + where);
        }
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
