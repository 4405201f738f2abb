package dev.retort.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The harness's command line; see {@link #USAGE}. */
final class Options {

    static final String USAGE = """
            usage: bench/run [options]
              --n 100,1000            history sizes (revisions)                     default 100,1000
              --engines h2,postgresql  databases                                     default h2,postgresql
              --tools floor,retort,retort-api,flyway,liquibase,jvm   tools (floor is always run)
                                      default floor,retort,retort-api,flyway,liquibase (retort-api: Retort embedded,
                                      through its Java API as Flyway and Liquibase are, its scripts in an application
                                      jar; also retort-cds, floor-cds: each with a class-data archive of the classes
                                      it loads, recorded by an untimed first upgrade, as the retort launcher does)
              --cases first,noop,history,heads                                       default all four
              --runs 5                runs per measurement (median is reported)     default 5
              --seed 42               generator seed                                default 42
              --pg URL                PostgreSQL server (a database is created per run) default jdbc:postgresql://127.0.0.1:5432/
              --pg-admin-db NAME      database to connect to for CREATE/DROP DATABASE default test
              --pg-user USER --pg-password PW                                       default postgres / empty
              --jvm-args "ARGS"       extra JVM options for every measured process (e.g. JFR) default none
              --work DIR              generated histories, databases, logs          default bench/target/bench-work
              --out FILE              Markdown report (a .csv of every sample goes beside it) default <work>/results.md
              --update-readme FILE    also replace the table between the bench markers in FILE
              --check                 correctness only: one run of each tool, schemas compared, no report
              --generate-only         write the histories' files under --work and stop
              --report-from A.csv,B.csv  no runs: one report from the samples of earlier runs (e.g. 1k and 10k)
            """;

    List<Integer> sizes = List.of(100, 1000);
    List<String> engines = List.of("h2", "postgresql");
    List<String> tools = List.of("floor", "retort", "retort-api", "flyway", "liquibase");
    List<String> cases = List.of("first", "noop", "history", "heads");
    int runs = 5;
    long seed = 42;
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/";
    String pgAdminDb = "test";
    String pgUser = "postgres";
    String pgPassword = "";
    List<String> jvmArgs = List.of();
    Path work = Path.of("bench/target/bench-work");
    Path out;
    Path readme;
    boolean check;
    boolean generateOnly;
    List<Path> reportFrom = List.of();
    Path benchClasses;
    /** This module as a jar: the class path of {@code retort-cds}, since a class-data archive takes no folders. */
    Path benchJar;
    Path toolClasses;
    Path classpathDir;
    Path retortJar;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check")) {
                o.check = true;
                continue;
            }
            if (a.equals("--generate-only")) {
                o.generateOnly = true;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--n" -> o.sizes = Arrays.stream(v.split(",")).map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
                case "--engines" -> o.engines = list(v).stream().map(e -> e.equals("pg") ? "postgresql" : e).toList();
                case "--tools" -> o.tools = list(v);
                case "--cases" -> o.cases = list(v);
                case "--runs" -> o.runs = Integer.parseInt(v);
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--pg" -> o.pgUrl = v.endsWith("/") ? v : v + "/";
                case "--pg-admin-db" -> o.pgAdminDb = v;
                case "--pg-user" -> o.pgUser = v;
                case "--pg-password" -> o.pgPassword = v;
                case "--jvm-args" -> o.jvmArgs = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
                case "--work" -> o.work = Path.of(v);
                case "--out" -> o.out = Path.of(v);
                case "--report-from" -> o.reportFrom = list(v).stream().map(Path::of).toList();
                case "--update-readme" -> o.readme = Path.of(v);
                case "--bench-classes" -> o.benchClasses = Path.of(v);
                case "--bench-jar" -> o.benchJar = Path.of(v);
                case "--tool-classes" -> o.toolClasses = Path.of(v);
                case "--classpath-dir" -> o.classpathDir = Path.of(v);
                case "--retort-jar" -> o.retortJar = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (String tool : o.tools) {
            if (!Report.TOOLS.contains(tool)) {
                throw new IllegalArgumentException("unknown tool " + tool + "; one of " + Report.TOOLS + "\n" + USAGE);
            }
        }
        List<String> tools = new ArrayList<>(o.tools);
        tools.remove("floor");
        tools.add(0, "floor");
        o.tools = List.copyOf(tools);
        o.work = o.work.toAbsolutePath();
        if (o.out == null) {
            o.out = o.work.resolve("results.md");
        }
        Path bench = Path.of("bench").toAbsolutePath();
        if (o.benchClasses == null) {
            o.benchClasses = bench.resolve("target/classes");
        }
        if (o.benchJar == null) {
            o.benchJar = moduleJar(bench.resolve("target"));
        }
        if (o.toolClasses == null) {
            o.toolClasses = bench.resolve("target/tool-classes");
        }
        if (o.classpathDir == null) {
            o.classpathDir = bench.resolve("target/bench-classpath");
        }
        if (o.retortJar == null) {
            o.retortJar = bench.resolveSibling("cli/target/retort.jar");
        }
        return o;
    }

    /** {@code target/retort-bench-<version>.jar}, whatever the version; a path that does not exist when there is none. */
    private static Path moduleJar(Path target) {
        try (var files = java.nio.file.Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("retort-bench-[^-].*(?<!-sources|-tests)\\.jar"))
                    .findFirst().orElse(target.resolve("retort-bench.jar"));
        } catch (java.io.IOException e) {
            return target.resolve("retort-bench.jar");
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
