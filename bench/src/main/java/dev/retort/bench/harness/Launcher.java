package dev.retort.bench.harness;

import dev.retort.bench.render.Dialect;
import dev.retort.bench.render.RetortAppJar;
import dev.retort.bench.render.Workspace;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts each measured tool as a fresh JVM, the way a CLI runs, under {@link dev.retort.bench.runner.Probe}, and
 * collects wall time (seen from here), CPU time and peak RSS (written by the probe as the process exits). Every tool
 * gets the same JVM (this one's {@code java}), the same options (none but {@code --jvm-args}) and a class path of
 * its own jars only.
 */
final class Launcher {

    static final String PROBE = "dev.retort.bench.runner.Probe";

    private final Options options;
    private final Path logs;
    private final long ticksPerSecond;
    private final Map<String, String> classpaths = new HashMap<>();

    Launcher(Options options) throws IOException {
        this.options = options;
        this.logs = options.work.resolve("logs");
        Files.createDirectories(logs);
        this.ticksPerSecond = clockTicks();
    }

    /** Thrown when a measured process fails; carries the end of its output. */
    static final class RunFailed extends Exception {
        RunFailed(String message) {
            super(message);
        }
    }

    /** The class path of a tool's process: the probe, then the tool's own jars. */
    String classpath(String tool) throws IOException {
        String cp = classpaths.get(tool);
        if (cp == null) {
            List<String> parts = new ArrayList<>();
            if (archived(tool)) {
                // a class-data archive takes jars only: the probe and the floor come from this module's jar
                require(options.benchJar, "build it with: mvn -B -Dmaven.test.skip=true -pl bench -am -Pbench package");
                parts.add(options.benchJar.toString());
            } else {
                parts.add(options.benchClasses.toString());
            }
            switch (base(tool)) {
                case "jvm" -> { }
                case "floor" -> parts.add(read("jdbc"));
                case "retort" -> {
                    require(options.retortJar, "build it with: mvn -B -Dmaven.test.skip=true -pl bench -am -Pbench package");
                    parts.add(options.retortJar.toString());
                }
                case "retort-api" -> {
                    require(options.toolClasses, "the embedded runner is compiled only with -Pbench");
                    require(options.retortJar, "build it with: mvn -B -Dmaven.test.skip=true -pl bench -am -Pbench package");
                    parts.add(options.toolClasses.toString());
                    parts.add(options.retortJar.toString());
                }
                case "flyway", "liquibase" -> {
                    require(options.toolClasses, "the Flyway and Liquibase runners are compiled only with -Pbench");
                    parts.add(options.toolClasses.toString());
                    parts.add(read(tool));
                }
                default -> throw new IllegalArgumentException("unknown tool " + tool);
            }
            cp = String.join(File.pathSeparator, parts);
            classpaths.put(tool, cp);
        }
        return cp;
    }

    /** The versions of the jars on the tools' class paths, for the report. */
    String versions() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String tool : List.of("flyway", "liquibase", "jdbc")) {
            Path file = options.classpathDir.resolve(tool + ".txt");
            if (Files.exists(file)) {
                for (String jar : Files.readString(file).trim().split(File.pathSeparator)) {
                    String name = Path.of(jar).getFileName().toString();
                    String bare = name.substring(0, name.length() - 4);
                    if (name.matches("(flyway-core|liquibase-core|h2|postgresql)-.*\\.jar") && out.indexOf(bare) < 0) {
                        out.append(out.length() == 0 ? "" : ", ").append(bare);
                    }
                }
            }
        }
        return out.toString();
    }

    private String read(String name) throws IOException {
        Path file = options.classpathDir.resolve(name + ".txt");
        require(file, "build with: mvn -B -Dmaven.test.skip=true -pl bench -am -Pbench package");
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static void require(Path path, String hint) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist; " + hint);
        }
    }

    List<String> command(String tool, String kase, Database db, Workspace ws, Path probeOut) throws IOException {
        return command(tool, kase, db, ws, probeOut, false);
    }

    /** {@code retort-cds}, {@code floor-cds}: the tool run with a class-data archive of the classes it loads. */
    static boolean archived(String tool) {
        return tool.equals("floor-cds") || tool.equals("retort-cds");
    }

    /** The tool itself, with or without an archive. */
    static String base(String tool) {
        return archived(tool) ? tool.substring(0, tool.length() - "-cds".length()) : tool;
    }

    /**
     * The class-data archive of an archived tool on one engine: recorded by {@link #recordArchive}, as the
     * {@code retort} launcher records one on its first run after a build, then mapped by every measured run.
     */
    Path archive(String tool, Dialect dialect) {
        return options.work.resolve(base(tool) + "-" + dialect.name().toLowerCase(java.util.Locale.ROOT) + ".jsa");
    }

    /**
     * Builds the embedded runner's application jar for a history, untimed, as an application's build does: the
     * scripts staged in a class folder, the precompiler run over it in a process of its own (headers index, and
     * classes for any script with code), then packed.
     */
    void buildApplicationJar(Workspace ws) throws IOException, InterruptedException, RunFailed {
        Path classes = ws.retortAppClasses();
        RetortAppJar.stage(ws.retort(), classes);
        Path out = logs.resolve("precompile-" + ws.root().getFileName() + ".out");
        List<String> cmd = List.of(java(),
                "-cp", classes + File.pathSeparator + options.retortJar, "dev.retort.dsl.compile.Precompiler",
                classes.toString(), RetortAppJar.LOCATION);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new RunFailed("precompiling the application's scripts failed: " + tail(out)
                    + "\n  command: " + String.join(" ", cmd));
        }
        RetortAppJar.pack(classes, ws.retortApp());
    }

    /** An untimed first upgrade of its own database that records an archived tool's class-data archive. */
    void recordArchive(String tool, Database db, Workspace ws) throws IOException, InterruptedException, RunFailed {
        Path archive = archive(tool, db.dialect());
        Files.deleteIfExists(archive);
        String name = "record-archive-" + tool + "-" + db.dialect().name().toLowerCase(java.util.Locale.ROOT);
        Path probe = logs.resolve(name + ".probe");
        ProcessBuilder pb = new ProcessBuilder(command(tool, "first", db, ws, probe, true))
                .directory(logs.toFile())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        // its own script cache, so that recording does not warm the plain tool's first measured run
        pb.environment().put("RETORT_CACHE_DIR", options.work.resolve("archive-recording-cache").toString());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(archive)) {
            p.destroyForcibly();
            throw new RunFailed(name + " recorded no archive: " + tail(logs.resolve(name + ".err"))
                    + tail(logs.resolve(name + ".out")) + "\n  command: " + String.join(" ", pb.command()));
        }
    }

    private List<String> command(String tool, String kase, Database db, Workspace ws, Path probeOut, boolean recording)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(options.jvmArgs);
        Dialect dialect = db == null ? Dialect.H2 : db.dialect();
        if (archived(tool)) {
            // -Xshare:on: a run that cannot map the archive fails instead of quietly measuring without it
            cmd.addAll(recording ? List.of("-XX:ArchiveClassesAtExit=" + archive(tool, dialect))
                    : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive(tool, dialect)));
        }
        cmd.add("-Dbench.probe.out=" + probeOut);
        cmd.add("-cp");
        // the embedded runner's application jar is the history's own
        cmd.add(base(tool).equals("retort-api") ? classpath(tool) + File.pathSeparator + ws.retortApp() : classpath(tool));
        cmd.add(PROBE);
        String op = kase.equals("first") || kase.equals("noop") ? "upgrade" : kase;
        switch (base(tool)) {
            case "jvm" -> cmd.add("dev.retort.bench.runner.EmptyMain");
            case "floor" -> cmd.addAll(List.of("dev.retort.bench.runner.FloorRunner", op, db.url(), db.user(), db.password(),
                    ws.raw(dialect).toString()));
            case "retort" -> {
                cmd.addAll(List.of("dev.retort.cli.RetortCommand", "--url", db.url(), "--user", db.user()));
                if (!db.password().isEmpty()) {
                    cmd.addAll(List.of("--password", db.password()));
                }
                cmd.addAll(List.of("--migrations", ws.retort().toString()));
                cmd.addAll(op.equals("upgrade") ? List.of("upgrade", "head") : List.of(op));
            }
            case "retort-api" -> cmd.addAll(List.of("dev.retort.bench.tools.RetortApiRunner", op, db.url(), db.user(),
                    db.password()));
            case "flyway" -> cmd.addAll(List.of("dev.retort.bench.tools.FlywayRunner", op, db.url(), db.user(), db.password(),
                    ws.flyway(dialect).toString()));
            case "liquibase" -> cmd.addAll(List.of("dev.retort.bench.tools.LiquibaseRunner", op, db.url(), db.user(),
                    db.password(), ws.liquibase().toString()));
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        }
        return cmd;
    }

    Sample run(String tool, String engine, int n, String kase, int run, Database db, Workspace ws)
            throws IOException, InterruptedException, RunFailed {
        String name = engine + "-" + n + "-" + kase + "-" + tool + "-" + run;
        Path probe = logs.resolve(name + ".probe");
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        Files.deleteIfExists(probe);
        ProcessBuilder pb = new ProcessBuilder(command(tool, kase, db, ws, probe))
                .directory(logs.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        // no tool may try the network: Flyway's and Liquibase's usage reporting off
        pb.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        pb.environment().put("LIQUIBASE_ANALYTICS_ENABLED", "false");
        long started = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new RunFailed(name + " took more than 30 minutes");
        }
        double wall = (System.nanoTime() - started) / 1e6;
        if (p.exitValue() != 0) {
            throw new RunFailed(name + " exited with " + p.exitValue() + ": " + tail(stderr) + tail(stdout)
                    + "\n  command: " + String.join(" ", pb.command()));
        }
        if (!Files.exists(probe)) {
            throw new RunFailed(name + ": the probe wrote nothing (" + tail(stderr) + ")");
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : Files.readAllLines(probe)) {
            String[] kv = line.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        double cpu = (values.get("utime_ticks") + values.get("stime_ticks")) * 1000.0 / ticksPerSecond;
        return new Sample(engine, n, kase, tool, run, wall, cpu, values.get("hwm_kib") / 1024.0);
    }

    /** This JVM's {@code java}: every process the harness starts runs on the same one. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return "\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
