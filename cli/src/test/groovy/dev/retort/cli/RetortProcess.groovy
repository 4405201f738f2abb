package dev.retort.cli

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** The real CLI in a child JVM, as a user or a deploy script runs it: exit codes, output, and kill -9. */
class RetortProcess {

    final Process process
    final StringBuffer out = new StringBuffer()
    final StringBuffer err = new StringBuffer()
    private final List<Thread> pumps

    private RetortProcess(Process process) {
        this.process = process
        pumps = [pump(process.inputStream, out), pump(process.errorStream, err)]
    }

    static RetortProcess start(Path workDir, Map<String, String> env, List<String> args) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                       '-Xshare:auto', '-XX:TieredStopAtLevel=1',
                       '-cp', System.getProperty('java.class.path'), 'dev.retort.cli.RetortCommand'] + args
        def builder = new ProcessBuilder(command).directory(workDir.toFile())
        builder.environment().keySet().removeIf { it.startsWith('RETORT_') }
        builder.environment().putAll(env)
        new RetortProcess(builder.start())
    }

    /** Runs to the end (bounded) and returns the exit code. */
    int waitFor(long seconds = 120) {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new IllegalStateException("retort did not finish within ${seconds}s; stderr: $err")
        }
        pumps*.join(5000)
        process.exitValue()
    }

    /** Waits until stderr shows {@code count} progress lines, then kills the process with SIGKILL. */
    void killAfterProgressLines(int count, long extraMillis) {
        long deadline = System.currentTimeMillis() + 60_000
        while (err.count('Running upgrade') < count) {
            if (!process.alive) {
                return
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no progress from retort: $err")
            }
            Thread.sleep(10)
        }
        Thread.sleep(extraMillis)
        process.destroyForcibly()   // SIGKILL on Linux: no shutdown hooks, no finally blocks
        process.waitFor(30, TimeUnit.SECONDS)
        pumps*.join(5000)
    }

    private static Thread pump(InputStream input, StringBuffer into) {
        Thread.start {
            input.withReader('UTF-8') { reader ->
                char[] buffer = new char[4096]
                int n
                while ((n = reader.read(buffer)) >= 0) {
                    into.append(buffer, 0, n)
                }
            }
        }
    }
}
