package dev.retort.versiontable;

import dev.retort.revision.Edges;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the scripts of applied revisions with what was recorded when they ran. Pure: graph, version rows and
 * history rows in, changed scripts out. A checksum made by another algorithm version (its {@code s1:} prefix
 * differs) is not compared, so a Retort upgrade that changes normalization never reports every file as changed.
 */
public final class ChecksumAudit {

    /** An applied revision whose script is no longer the text that ran. */
    public record ChangedScript(Revision revision, String recorded, String current) {
        @Override
        public String toString() {
            return revision.file() + " (revision " + revision.id() + ")";
        }
    }

    private final RevisionGraph graph;

    public ChecksumAudit(RevisionGraph graph) {
        this.graph = graph;
    }

    /** In graph order; rows naming revisions no script defines are skipped here (they are reported elsewhere). */
    public List<ChangedScript> changed(List<String> versionRows, List<HistoryRow> history) {
        Map<String, String> recorded = new HashMap<>();
        for (HistoryRow row : history) {
            if (row.recordsAppliedText() && row.checksum() != null) {
                recorded.put(row.revision(), row.checksum());
            }
        }
        List<String> known = versionRows.stream().filter(graph::contains).toList();
        List<ChangedScript> changed = new ArrayList<>();
        for (Revision r : graph.ancestors(known, Edges.WITH_DEPENDENCIES)) {
            String then = recorded.get(r.id());
            if (then != null && r.checksum() != null && sameAlgorithm(then, r.checksum()) && !then.equals(r.checksum())) {
                changed.add(new ChangedScript(r, then, r.checksum()));
            }
        }
        return changed;
    }

    private static boolean sameAlgorithm(String a, String b) {
        int ia = a.indexOf(':');
        int ib = b.indexOf(':');
        return ia > 0 && ia == ib && a.regionMatches(0, b, 0, ia);
    }
}
