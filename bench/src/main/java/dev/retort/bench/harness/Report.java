package dev.retort.bench.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The Markdown report: medians, ratios to the raw JDBC floor, the targets, and the scaling between sizes. */
final class Report {

    static final List<String> CASES = List.of("first", "noop", "history", "heads");
    static final Map<String, String> CASE_NAMES = Map.of("first", "first upgrade", "noop", "no-op upgrade",
            "history", "history", "heads", "heads");
    static final List<String> TOOLS = List.of("floor", "retort", "floor-cds", "retort-cds", "retort-api", "flyway",
            "liquibase", "jvm");

    private final List<Sample> samples;
    private final Map<String, String> failures;

    Report(List<Sample> samples, Map<String, String> failures) {
        this.samples = samples;
        this.failures = failures;
    }

    record Median(double wall, double cpu, double rss, int runs) {
    }

    /** Medians of one engine × size × case × tool, or null when nothing was measured. */
    Median median(String engine, int n, String kase, String tool) {
        List<Sample> s = samples.stream().filter(x -> x.engine().equals(engine) && x.n() == n && x.kase().equals(kase)
                && x.tool().equals(tool)).toList();
        if (s.isEmpty()) {
            return null;
        }
        return new Median(median(s.stream().map(Sample::wallMs).toList()), median(s.stream().map(Sample::cpuMs).toList()),
                median(s.stream().map(Sample::rssMiB).toList()), s.size());
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append(targets());
        for (String engine : engines()) {
            for (int n : sizes()) {
                if (samples.stream().noneMatch(s -> s.engine().equals(engine) && s.n() == n)) {
                    continue;
                }
                out.append("\n#### ").append(engineName(engine)).append(", ").append(fmtInt(n)).append(" revisions\n\n");
                out.append("| case | tool | wall ms | × floor | CPU ms | × floor | peak RSS MiB | × floor |\n");
                out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
                for (String kase : CASES) {
                    Median floor = median(engine, n, kase, "floor");
                    for (String tool : TOOLS) {
                        Median m = median(engine, n, kase, tool);
                        if (m == null) {
                            continue;
                        }
                        out.append("| ").append(CASE_NAMES.get(kase)).append(" | ").append(toolName(tool)).append(" | ")
                                .append(fmt(m.wall())).append(" | ").append(ratio(m.wall(), floor == null ? null : floor.wall()))
                                .append(" | ").append(fmt(m.cpu())).append(" | ").append(ratio(m.cpu(), floor == null ? null : floor.cpu()))
                                .append(" | ").append(fmt(m.rss())).append(" | ").append(ratio(m.rss(), floor == null ? null : floor.rss()))
                                .append(" |\n");
                    }
                }
                failures.forEach((key, why) -> {
                    if (key.startsWith(engine + " " + n + " ")) {
                        out.append("\n").append(key.substring((engine + " " + n + " ").length())).append(" **failed**: ")
                                .append(why.lines().filter(l -> l.startsWith("error") || l.contains("Exception") || l.contains(" exited "))
                                        .map(String::strip).collect(Collectors.joining(" / "))).append("\n");
                    }
                });
            }
        }
        out.append(scaling());
        return out.toString();
    }

    private record Target(String what, String engine, int n, String kase, String measure, double goal, boolean absolute) {
    }

    private String targets() {
        List<Target> targets = List.of(
                new Target("PostgreSQL 1,000: first upgrade", "postgresql", 1000, "first", "wall", 1.3, false),
                new Target("PostgreSQL 1,000: no-op upgrade", "postgresql", 1000, "noop", "wall", 1.5, false),
                new Target("H2 file 1,000: first upgrade", "h2", 1000, "first", "wall", 1.5, false),
                new Target("PostgreSQL 5,000: first upgrade", "postgresql", 5000, "first", "wall", 1.3, false),
                new Target("PostgreSQL 5,000: no-op upgrade", "postgresql", 5000, "noop", "wall", 1.5, false),
                new Target("PostgreSQL 1,000: first upgrade, peak RSS", "postgresql", 1000, "first", "rss", 150, true),
                new Target("PostgreSQL 10,000: heads", "postgresql", 10000, "heads", "wall", 2000, true),
                new Target("PostgreSQL 10,000: history", "postgresql", 10000, "history", "wall", 2000, true),
                new Target("PostgreSQL 10,000: no-op upgrade", "postgresql", 10000, "noop", "wall", 2000, true),
                new Target("H2 file 10,000: heads", "h2", 10000, "heads", "wall", 2000, true),
                new Target("H2 file 10,000: history", "h2", 10000, "history", "wall", 2000, true),
                new Target("H2 file 10,000: no-op upgrade", "h2", 10000, "noop", "wall", 2000, true));
        boolean withArchive = samples.stream().anyMatch(s -> s.tool().equals("retort-cds"));
        boolean bothArchived = withArchive && samples.stream().anyMatch(s -> s.tool().equals("floor-cds"));
        boolean withApi = samples.stream().anyMatch(s -> s.tool().equals("retort-api"));
        StringBuilder out = new StringBuilder("\n#### Targets (Retort)\n\n| target | goal | measured (CLI) | met |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|:---:|");
        if (withArchive) {
            out.append(bothArchived ? " both with class-data archives" : " Retort with its class-data archive").append(" | met |");
            rule.append("---:|:---:|");
        }
        if (withApi) {
            // how Flyway and Liquibase are measured too: through their Java APIs
            out.append(" through the API, from an application jar | met |");
            rule.append("---:|:---:|");
        }
        out.append('\n').append(rule).append('\n');
        int shown = 0;
        for (Target t : targets) {
            Median retort = median(t.engine(), t.n(), t.kase(), "retort");
            Median floor = median(t.engine(), t.n(), t.kase(), "floor");
            if (retort == null || !t.absolute() && floor == null) {
                continue;
            }
            String goal = t.absolute() ? "≤ " + fmt(t.goal()) + unit(t)
                    : "≤ " + String.format(Locale.ROOT, "%.1f×", t.goal()) + " floor";
            out.append("| ").append(t.what()).append(" | ").append(goal).append(" | ")
                    .append(verdict(t, "retort", retort, "floor", floor));
            if (withArchive) {
                Median archived = median(t.engine(), t.n(), t.kase(), "retort-cds");
                Median archivedFloor = bothArchived ? median(t.engine(), t.n(), t.kase(), "floor-cds") : floor;
                out.append(" | ").append(archived == null || archivedFloor == null && !t.absolute() ? "– | –"
                        : verdict(t, "retort-cds", archived, bothArchived ? "floor-cds" : "floor", archivedFloor));
            }
            if (withApi) {
                Median embedded = median(t.engine(), t.n(), t.kase(), "retort-api");
                out.append(" | ").append(embedded == null ? "– | –" : verdict(t, "retort-api", embedded, "floor", floor));
            }
            out.append(" |\n");
            shown++;
        }
        return shown == 0 ? "" : out.toString();
    }

    /**
     * "measured | met" for one target. A ratio is judged on the medians, and shown with the spread of the runs' own
     * ratios: within one run the tools ran back to back, so each run's ratio pairs samples taken under the same load,
     * and how many of them are within the goal says how firmly a median on the line is met or missed.
     */
    private String verdict(Target t, String tool, Median m, String floorTool, Median floor) {
        double value = t.measure().equals("rss") ? m.rss() : m.wall();
        if (t.absolute()) {
            return fmt(value) + unit(t) + " | " + (value <= t.goal() ? "yes" : "**no**");
        }
        double r = value / floor.wall();
        List<Double> perRun = pairedRatios(t.engine(), t.n(), t.kase(), tool, floorTool);
        String spread = "";
        if (perRun.size() > 1) {
            long within = perRun.stream().filter(x -> x <= t.goal()).count();
            spread = String.format(Locale.ROOT, "; runs %.2f–%.2f×, %d of %d within", perRun.get(0),
                    perRun.get(perRun.size() - 1), within, perRun.size());
        }
        return String.format(Locale.ROOT, "%.2f×", r) + " (" + fmt(value) + " ms vs " + fmt(floor.wall()) + " ms"
                + spread + ") | " + (r <= t.goal() ? "yes" : "**no**");
    }

    /** Each run's wall-time ratio of a tool to its floor, for the runs that measured both, in ascending order. */
    List<Double> pairedRatios(String engine, int n, String kase, String tool, String floorTool) {
        Map<Integer, Double> floorByRun = new HashMap<>();
        for (Sample s : samples) {
            if (s.engine().equals(engine) && s.n() == n && s.kase().equals(kase) && s.tool().equals(floorTool)) {
                floorByRun.put(s.run(), s.wallMs());
            }
        }
        List<Double> ratios = new ArrayList<>();
        for (Sample s : samples) {
            if (s.engine().equals(engine) && s.n() == n && s.kase().equals(kase) && s.tool().equals(tool)
                    && floorByRun.containsKey(s.run())) {
                ratios.add(s.wallMs() / floorByRun.get(s.run()));
            }
        }
        ratios.sort(null);
        return ratios;
    }

    /**
     * Samples of several result files as one: each file's runs keep their own numbers in a range of their own
     * (file k's run r becomes {@code k * 1000 + r}), so that a run's ratio never pairs samples of two files.
     */
    static List<Sample> merged(List<List<Sample>> files) {
        List<Sample> all = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            for (Sample s : files.get(k)) {
                all.add(new Sample(s.engine(), s.n(), s.kase(), s.tool(), k * 1000 + s.run(), s.wallMs(), s.cpuMs(),
                        s.rssMiB()));
            }
        }
        return all;
    }

    private static String unit(Target t) {
        return t.measure().equals("rss") ? " MiB" : " ms";
    }

    private String scaling() {
        List<Integer> sizes = sizes();
        if (sizes.size() < 2) {
            return "";
        }
        // the pairs ten times apart (100 → 1,000, 1,000 → 10,000); failing that, each size and the next
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            for (int j = i + 1; j < sizes.size(); j++) {
                if (sizes.get(j) == 10 * sizes.get(i)) {
                    pairs.add(new int[]{sizes.get(i), sizes.get(j)});
                }
            }
        }
        if (pairs.isEmpty()) {
            for (int i = 0; i + 1 < sizes.size(); i++) {
                pairs.add(new int[]{sizes.get(i), sizes.get(i + 1)});
            }
        }
        StringBuilder out = new StringBuilder();
        for (int[] pair : pairs) {
            int small = pair[0];
            {
                int large = pair[1];
                List<String> rows = new ArrayList<>();
                for (String engine : engines()) {
                    for (String kase : CASES) {
                        for (String tool : TOOLS) {
                            Median a = median(engine, small, kase, tool);
                            Median b = median(engine, large, kase, tool);
                            if (a == null || b == null || tool.equals("jvm")) {
                                continue;
                            }
                            rows.add("| " + engineName(engine) + " | " + CASE_NAMES.get(kase) + " | " + toolName(tool) + " | "
                                    + fmt(a.wall()) + " | " + fmt(b.wall()) + " | " + String.format(Locale.ROOT, "%.1f×", b.wall() / a.wall())
                                    + " | " + String.format(Locale.ROOT, "%.1f×", b.cpu() / a.cpu()) + " |");
                        }
                    }
                }
                if (rows.isEmpty()) {
                    continue;
                }
                out.append("\n#### Scaling ").append(fmtInt(small)).append(" → ").append(fmtInt(large))
                        .append(" revisions (linear would be ").append(String.format(Locale.ROOT, "%.0f×", (double) large / small))
                        .append(")\n\n| engine | case | tool | wall ms at ").append(fmtInt(small)).append(" | wall ms at ")
                        .append(fmtInt(large)).append(" | wall ratio | CPU ratio |\n|---|---|---|---:|---:|---:|---:|\n");
                rows.forEach(r -> out.append(r).append('\n'));
            }
        }
        return out.toString();
    }

    private List<String> engines() {
        return samples.stream().map(Sample::engine).distinct().sorted(Comparator.comparing(e -> e.equals("h2") ? 1 : 0)).toList();
    }

    private List<Integer> sizes() {
        return new ArrayList<>(new TreeSet<>(samples.stream().map(Sample::n).collect(Collectors.toSet())));
    }

    static String engineName(String engine) {
        return engine.equals("h2") ? "H2 (file)" : "PostgreSQL";
    }

    static String toolName(String tool) {
        return switch (tool) {
            case "floor" -> "raw JDBC floor";
            case "retort" -> "**Retort** (CLI)";
            case "floor-cds" -> "raw JDBC floor, class-data archive";
            case "retort-cds" -> "Retort (CLI), class-data archive";
            case "retort-api" -> "Retort (API, application jar)";
            case "flyway" -> "Flyway (API)";
            case "liquibase" -> "Liquibase (API)";
            case "jvm" -> "empty JVM";
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
    }

    private static String ratio(double value, Double floor) {
        return floor == null || floor == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", value / floor);
    }

    static String fmt(double value) {
        return value >= 100 ? fmtInt(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String fmtInt(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
