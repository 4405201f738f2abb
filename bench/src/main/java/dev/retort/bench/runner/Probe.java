package dev.retort.bench.runner;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first class of every benchmarked process: {@code Probe <main class> <args…>} runs that class's
 * {@code main} and, as the JVM exits (normally or through {@code System.exit}, which CLIs call), writes to the file
 * named by {@code -Dbench.probe.out} the process's own CPU time and peak resident set size, read from
 * {@code /proc/self/stat} (utime + stime, in clock ticks) and {@code /proc/self/status} ({@code VmHWM}). Reading
 * {@code /proc} keeps the probe's own cost to two small file reads: no JMX classes are loaded.
 * <p>
 * Exit code: that of the main class's {@code System.exit}, else 0, or 1 when its {@code main} throws.
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Throwable {
        String out = System.getProperty("bench.probe.out");
        if (out != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> record(Path.of(out)), "bench-probe"));
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        System.exit(0);
    }

    private static void record(Path out) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // fields after the command name in parentheses, which may itself contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            long hwm = -1;
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                }
            }
            Files.writeString(out, "utime_ticks=" + utime + "\nstime_ticks=" + stime + "\nhwm_kib=" + hwm
                    + "\nrss_kib=" + rss + "\n", StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench probe: " + e);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
