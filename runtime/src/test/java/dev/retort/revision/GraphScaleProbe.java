package dev.retort.revision;

import dev.retort.operation.SourceLocation;
import dev.retort.plan.MigrationPlan;
import dev.retort.plan.Planner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Not a test: prints how long the graph and planner take on 10,000 revisions, so regressions to quadratic walks
 * show up when someone runs it. Timed unit tests are flaky on shared machines; this is run by hand:
 * <pre>
 *   mvn -B -q -pl runtime -am test-compile
 *   java -cp runtime/target/classes:runtime/target/test-classes dev.retort.revision.GraphScaleProbe
 * </pre>
 * The graph: a main line of 9,200 revisions with 30 side branches of 20 revisions that merge back 30 revisions
 * later, and a 200-revision library root that every 40th main revision depends on. Ids are random 12-digit hex and
 * the load order is sorted by id, as a folder of files would be.
 */
public final class GraphScaleProbe {

    private static final int MAIN = 9_200;
    private static final int SIDES = 30;
    private static final int SIDE_LENGTH = 20;
    private static final int LIBRARY = 200;

    private GraphScaleProbe() {
    }

    public static void main(String[] args) {
        List<Revision> revisions = build();
        System.out.printf("revisions: %,d%n", revisions.size());
        for (int round = 1; round <= 5; round++) {
            System.out.printf("round %d%n", round);
            RevisionGraph graph = time("  build + validate", () -> RevisionGraph.of(revisions));
            time("  heads", graph::heads);
            time("  history", graph::history);
            time("  topological order", graph::topologicalOrder);
            Planner planner = new Planner(graph);
            MigrationPlan up = time("  upgrade base -> heads", () -> planner.upgrade(List.of(), "heads"));
            time("  downgrade heads -> base", () -> planner.downgrade(up.endHeads(), "base"));
            RevisionResolver resolver = new RevisionResolver(graph);
            String someId = revisions.get(revisions.size() / 2).id();
            time("  resolve prefix + walk", () -> resolver.resolve(someId.substring(0, 8) + "-100"));
            if (round == 1) {
                System.out.printf("  heads: %s, effective heads: %s, steps up: %,d, end rows: %s%n",
                        graph.heads().size(), graph.effectiveHeads().size(), up.steps().size(), up.endHeads());
            }
        }
    }

    private static <T> T time(String what, Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        T result = work.get();
        System.out.printf("%-28s cpu %7.1f ms   wall %7.1f ms%n", what,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
        return result;
    }

    private static List<Revision> build() {
        Random random = new Random(42);
        Map<String, String> ids = new HashMap<>();
        List<Revision> result = new ArrayList<>();
        for (int j = 0; j < LIBRARY; j++) {
            result.add(revision(ids, random, "l" + j, j == 0 ? List.of() : List.of("l" + (j - 1)), List.of()));
        }
        for (int k = 0; k < SIDES; k++) {
            int from = 300 * k + 10;
            for (int s = 0; s < SIDE_LENGTH; s++) {
                String parent = s == 0 ? "m" + from : "s" + k + "_" + (s - 1);
                result.add(revision(ids, random, "s" + k + "_" + s, List.of(parent), List.of()));
            }
        }
        for (int i = 0; i < MAIN; i++) {
            List<String> parents = new ArrayList<>();
            if (i > 0) {
                parents.add("m" + (i - 1));
            }
            if (i % 300 == 40 && i / 300 < SIDES) {
                parents.add("s" + (i / 300) + "_" + (SIDE_LENGTH - 1));
            }
            List<String> needs = i % 40 == 5 && i / 40 < LIBRARY ? List.of("l" + (i / 40)) : List.of();
            result.add(revision(ids, random, "m" + i, parents, needs));
        }
        result.sort(Comparator.comparing(Revision::id));
        return result;
    }

    private static Revision revision(Map<String, String> ids, Random random, String name, List<String> parents,
                                     List<String> needs) {
        String id = ids.computeIfAbsent(name, n -> String.format("%012x", random.nextLong() & 0xffffffffffffL));
        return new Revision(id, parents.stream().map(p -> ids.computeIfAbsent(p,
                n -> String.format("%012x", random.nextLong() & 0xffffffffffffL))).toList(), List.of(),
                needs.stream().map(ids::get).toList(), name, new SourceLocation("versions/" + id + ".groovy", 3),
                null);
    }
}
