package dev.retort.bench.harness;

/**
 * One measured process.
 *
 * @param wallMs from process start to its exit, as the harness sees it (JVM start-up included)
 * @param cpuMs  the process's user + system CPU time, all threads (JIT and GC included)
 * @param rssMiB the process's peak resident set size ({@code VmHWM})
 */
record Sample(String engine, int n, String kase, String tool, int run, double wallMs, double cpuMs, double rssMiB) {

    static final String CSV_HEADER = "engine,n,case,tool,run,wall_ms,cpu_ms,peak_rss_mib";

    String csv() {
        return String.join(",", engine, String.valueOf(n), kase, tool, String.valueOf(run),
                String.format(java.util.Locale.ROOT, "%.1f", wallMs), String.format(java.util.Locale.ROOT, "%.1f", cpuMs),
                String.format(java.util.Locale.ROOT, "%.1f", rssMiB));
    }

    static Sample parse(String line) {
        String[] f = line.split(",");
        return new Sample(f[0], Integer.parseInt(f[1]), f[2], f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                Double.parseDouble(f[6]), Double.parseDouble(f[7]));
    }
}
