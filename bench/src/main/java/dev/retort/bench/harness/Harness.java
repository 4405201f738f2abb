package dev.retort.bench.harness;

import dev.retort.bench.generate.HistoryGenerator;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Step;
import dev.retort.bench.render.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark: for each size × engine, generates one history, renders it for every tool, then measures each case
 * (first upgrade of an empty database, no-op upgrade, history, heads) {@code --runs} times per tool, the tools
 * interleaved within each run so that drift on a shared machine falls on all of them. The first upgrade of each
 * tool gets a new empty database every run; the last one is kept for the other cases. After each tool's first
 * upgrade, its schema is read back and compared with the floor's; a tool whose result differs is not timed further.
 */
public final class Harness {

    private final Options options;
    private final Launcher launcher;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    private Harness(Options options) throws IOException {
        this.options = options;
        this.launcher = new Launcher(options);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the harness; returns its exit code (0 success, 1 a tool failed, 2 bad options, 3 no PostgreSQL). */
    public static int run(String... args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        return new Harness(options).run();
    }

    private final String loadAtStart = loadAverage();

    private int run() throws Exception {
        if (!options.reportFrom.isEmpty()) {
            List<List<Sample>> files = new ArrayList<>();
            for (Path csv : options.reportFrom) {
                files.add(Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(Sample::parse).toList());
            }
            samples.addAll(Report.merged(files));
            writeReport();
            return 0;
        }
        if (options.engines.contains("postgresql")) {
            try {
                Database.checkPostgres(options);
            } catch (SQLException e) {
                System.err.println("bench: PostgreSQL at " + options.pgUrl + options.pgAdminDb + " is not reachable: " + e.getMessage());
                return 3;
            }
        }
        if (options.check) {
            options.runs = 1;
            options.cases = List.of("first", "noop", "history", "heads");
        }
        Files.createDirectories(options.work);
        for (int n : options.sizes) {
            long t = System.nanoTime();
            History history = HistoryGenerator.generate(n, options.seed);
            Workspace ws = Workspace.write(history, options.work.resolve("history-" + n));
            log(String.format(Locale.ROOT, "generated %,d revisions (seed %d) in %d ms: %s -> %s", n, options.seed,
                    (System.nanoTime() - t) / 1_000_000, history.mix(), ws.root()));
            if (options.generateOnly) {
                continue;
            }
            Set<String> tablesWithRows = history.revisions().stream().map(r -> r.step())
                    .filter(s -> s instanceof Step.Insert).map(s -> ((Step.Insert) s).table()).collect(Collectors.toSet());
            for (String engine : options.engines) {
                measure(engine, n, ws, tablesWithRows);
            }
        }
        if (options.generateOnly) {
            return 0;
        }
        if (options.check) {
            log(failures.isEmpty() ? "check: every tool accepted its files and built the floor's schema"
                    : "check FAILED: " + failures);
            return failures.isEmpty() ? 0 : 1;
        }
        writeReport();
        return failures.isEmpty() ? 0 : 1;
    }

    private void measure(String engine, int n, Workspace ws, Set<String> tablesWithRows) throws Exception {
        List<String> tools = new ArrayList<>(options.tools);
        Map<String, Database> kept = new HashMap<>();
        SchemaSignature floorSignature = null;
        try {
            if (tools.contains("retort-api") && !Files.exists(ws.retortApp())) {
                try {
                    launcher.buildApplicationJar(ws);
                } catch (Launcher.RunFailed e) {
                    fail(engine, n, "retort-api", e.getMessage(), tools);
                }
            }
            for (String tool : List.copyOf(tools)) {
                if (Launcher.archived(tool)) {
                    Database training = fresh(engine, tool + "-archive");
                    try {
                        launcher.recordArchive(tool, training, ws);
                    } catch (Launcher.RunFailed e) {
                        fail(engine, n, tool, e.getMessage(), tools);
                    } finally {
                        training.drop().run();
                    }
                }
            }
            boolean timedFirst = options.cases.contains("first");
            int firstRuns = timedFirst ? options.runs : 1;
            for (int run = 1; run <= firstRuns; run++) {
                for (String tool : List.copyOf(tools)) {
                    Database db = tool.equals("jvm") ? null : fresh(engine, tool);
                    try {
                        Sample s = launcher.run(tool, engine, n, "first", run, db, ws);
                        if (timedFirst) {
                            record(s);
                        }
                        if (run == 1 && db != null) {
                            SchemaSignature sig;
                            try (Connection c = db.connect()) {
                                sig = SchemaSignature.read(c, db.dialect(), tablesWithRows);
                            }
                            if (tool.equals("floor")) {
                                floorSignature = sig;
                                log("  schema after the floor's upgrade: " + sig.summary());
                            } else if (!sig.lines().equals(floorSignature.lines())) {
                                throw new Launcher.RunFailed("its schema differs from the floor's: " + sig.summary()
                                        + " vs " + floorSignature.summary() + "\n    " + String.join("\n    ", sig.differences(floorSignature)));
                            }
                        }
                    } catch (Launcher.RunFailed e) {
                        fail(engine, n, tool, e.getMessage(), tools);
                        if (db != null) {
                            db.drop().run();
                        }
                        if (tool.equals("floor")) {
                            return;
                        }
                        continue;
                    }
                    if (run == firstRuns && db != null) {
                        Database old = kept.put(tool, db);
                        if (old != null) {
                            old.drop().run();
                        }
                    } else if (db != null) {
                        db.drop().run();
                    }
                }
            }
            for (String kase : List.of("noop", "history", "heads")) {
                if (!options.cases.contains(kase)) {
                    continue;
                }
                for (int run = 1; run <= options.runs; run++) {
                    for (String tool : List.copyOf(tools)) {
                        try {
                            record(launcher.run(tool, engine, n, kase, run, kept.get(tool), ws));
                        } catch (Launcher.RunFailed e) {
                            // one failed run of a later case is reported; the tool's other runs and cases go on
                            failures.put(engine + " " + n + " " + tool + " " + kase + "-run-" + run, e.getMessage());
                            log("  " + engine + " n=" + n + " " + tool + " " + kase + " run " + run + " FAILED: " + e.getMessage());
                        }
                    }
                }
            }
        } finally {
            kept.values().forEach(db -> db.drop().run());
        }
    }

    private Database fresh(String engine, String tool) throws IOException, SQLException {
        return engine.equals("h2") ? Database.h2(options.work.resolve("h2"), tool) : Database.postgres(options);
    }

    private void record(Sample s) {
        samples.add(s);
        log(String.format(Locale.ROOT, "  %-10s n=%-6d %-8s %-10s run %d: wall %,8.0f ms  cpu %,8.0f ms  peak RSS %5.0f MiB",
                s.engine(), s.n(), s.kase(), s.tool(), s.run(), s.wallMs(), s.cpuMs(), s.rssMiB()));
    }

    private void fail(String engine, int n, String tool, String why, List<String> tools) {
        failures.put(engine + " " + n + " " + tool, why);
        tools.remove(tool);
        log("  " + engine + " n=" + n + " " + tool + " FAILED and is left out: " + why);
    }

    private void writeReport() throws IOException {
        Path csv = options.out.resolveSibling(options.out.getFileName().toString().replaceFirst("\\.md$", "") + ".csv");
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        Files.writeString(csv, Sample.CSV_HEADER + "\n" + samples.stream().map(Sample::csv).collect(Collectors.joining("\n")) + "\n");
        var counts = samples.stream().collect(Collectors.groupingBy(
                x -> x.engine() + " " + x.n() + " " + x.kase() + " " + x.tool(), Collectors.counting())).values();
        long fewest = counts.stream().mapToLong(Long::longValue).min().orElse(0);
        long most = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        String runs = fewest == most ? String.valueOf(most) : fewest + "–" + most;
        String header = (options.reportFrom.isEmpty() ? "Measured " : "Reported ") + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + " at commit " + gitCommit() + ": " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + ", default JVM options"
                + (options.jvmArgs.isEmpty() ? "" : " plus `" + String.join(" ", options.jvmArgs) + "`")
                + "; median of " + runs + " runs; seed " + options.seed + "; "
                + launcher.versions() + ". Every process is a fresh JVM; wall time includes JVM start-up."
                + (options.reportFrom.isEmpty() ? " Load average (1 min) at start " + loadAtStart + ", at end " + loadAverage()
                + " (other work on this machine inflates wall times; CPU times are steadier)." : " Merged from "
                + options.reportFrom.stream().map(Path::toString).collect(Collectors.joining(", ")) + ".") + "\n";
        String md = new Report(samples, failures).markdown(header);
        Files.writeString(options.out, md, StandardCharsets.UTF_8);
        log("report: " + options.out + " (samples: " + csv + ")");
        System.out.print(md);
        if (options.readme != null) {
            updateReadme(options.readme, md);
        }
    }

    static final String BEGIN = "<!-- bench:results:begin -->";
    static final String END = "<!-- bench:results:end -->";

    static void updateReadme(Path readme, String md) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            throw new IOException(readme + " has no " + BEGIN + " … " + END + " section");
        }
        Files.writeString(readme, text.substring(0, b + BEGIN.length()) + "\n" + md + text.substring(e), StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static void log(String line) {
        System.err.println(line);
    }

}
