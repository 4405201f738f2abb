package dev.retort.bench;

import dev.retort.bench.harness.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under {@code -Pbench} only (Flyway and Liquibase are not on the default build's class path): a 60-revision
 * history through every tool, each as its own process the way the benchmark runs it, on H2, every schema compared
 * with the floor's. {@code bench/run --check} does the same on PostgreSQL too.
 * <pre>mvn -B -Pbench -pl bench -am verify -Dtest=ToolsAcceptTheirFilesTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ToolsAcceptTheirFilesTest {

    @Test
    void everyToolAcceptsItsFilesAndBuildsTheFloorsSchema(@TempDir Path work) throws Exception {
        assumeTrue(Boolean.getBoolean("bench.tools"), "Flyway and Liquibase are checked only with -Pbench");
        Path target = Path.of("target").toAbsolutePath();
        int code = Harness.run("--check", "--n", "60", "--engines", "h2", "--tools", "retort,flyway,liquibase",
                "--work", work.toString(),
                "--bench-classes", target.resolve("classes").toString(),
                "--tool-classes", target.resolve("tool-classes").toString(),
                "--classpath-dir", target.resolve("bench-classpath").toString(),
                "--retort-jar", target.resolveSibling("../cli/target/retort.jar").normalize().toString());
        assertEquals(0, code, "see the harness output above");
    }
}
