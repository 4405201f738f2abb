package dev.retort.bench;

import dev.retort.api.MigrationResult;
import dev.retort.api.Retort;
import dev.retort.bench.generate.HistoryGenerator;
import dev.retort.bench.harness.SchemaSignature;
import dev.retort.bench.model.History;
import dev.retort.bench.model.Revision;
import dev.retort.bench.model.Step;
import dev.retort.bench.render.Dialect;
import dev.retort.bench.render.FlywayFiles;
import dev.retort.bench.render.LiquibaseChangelog;
import dev.retort.bench.render.RetortAppJar;
import dev.retort.bench.render.Workspace;
import dev.retort.bench.runner.FloorRunner;
import dev.retort.dsl.compile.Precompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correctness, not timing: a history with every kind of change, rendered, is accepted by Retort (through its API)
 * and by the raw floor on an H2 file database, and both build the same schema. Flyway and Liquibase are checked the
 * same way, on H2 and PostgreSQL, by {@code bench/run --check} (they are only on the class path under -Pbench).
 */
class RenderedFilesAcceptedTest {

    static final int N = 80;

    @TempDir
    static Path dir;

    static History history;
    static Workspace ws;

    @BeforeAll
    static void render() throws Exception {
        history = HistoryGenerator.generate(N, 42);
        ws = Workspace.write(history, dir.resolve("files"));
        assertTrue(history.mix().values().stream().allMatch(count -> count > 0), "every kind of change: " + history.mix());
    }

    @Test
    void retortAndTheFloorBuildTheSameSchema() throws Exception {
        String floorUrl = "jdbc:h2:file:" + dir.resolve("floor/db");
        FloorRunner.main(new String[]{"upgrade", floorUrl, "sa", "", ws.raw(Dialect.H2).toString()});

        String retortUrl = "jdbc:h2:file:" + dir.resolve("retort/db");
        Retort retort = Retort.configure().url(retortUrl).user("sa").password("").locations(ws.retort().toString()).load();
        MigrationResult result = retort.upgrade("head");
        assertEquals(List.of(history.head().id()), result.endHeads());
        assertEquals(N, result.applied().size());

        SchemaSignature floor = signature(floorUrl);
        SchemaSignature viaRetort = signature(retortUrl);
        assertTrue(floor.tables() > N / 3 && floor.foreignKeys() > 0 && floor.indexes() > 0 && floor.rows() > 0, floor.summary());
        assertEquals(floor.lines(), viaRetort.lines(), () -> String.join("\n", viaRetort.differences(floor)));

        // a second upgrade has nothing to do, for both
        assertEquals(0, retort.upgrade("head").applied().size());
        FloorRunner.main(new String[]{"upgrade", floorUrl, "sa", "", ws.raw(Dialect.H2).toString()});
        assertEquals(floor.lines(), signature(floorUrl).lines());
    }

    @Test
    void theApplicationJarHoldsTheScriptsWithTheirHeadersAndMigratesAsTheFolderDoes() throws Exception {
        // as the harness builds it, with the precompiler in this process instead of one of its own
        RetortAppJar.stage(ws.retort(), ws.retortAppClasses());
        try (URLClassLoader classes = new URLClassLoader(new URL[]{ws.retortAppClasses().toUri().toURL()},
                getClass().getClassLoader())) {
            new Precompiler(classes).precompile(ws.retortAppClasses(), List.of(RetortAppJar.LOCATION));
        }
        RetortAppJar.pack(ws.retortAppClasses(), ws.retortApp());
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ws.retortApp().toFile())) {
            assertTrue(jar.getEntry("META-INF/retort/headers.idx") != null, "the precompiler's header index");
            assertEquals(N, jar.stream().filter(e -> e.getName().matches("db/migrations/[^/]+\\.groovy")).count());
        }
        String floorUrl = "jdbc:h2:file:" + dir.resolve("floor-app/db");
        FloorRunner.main(new String[]{"upgrade", floorUrl, "sa", "", ws.raw(Dialect.H2).toString()});
        String appUrl = "jdbc:h2:file:" + dir.resolve("app/db");
        try (URLClassLoader application = new URLClassLoader(new URL[]{ws.retortApp().toUri().toURL()},
                getClass().getClassLoader())) {
            Retort retort = Retort.configure().url(appUrl).user("sa").password("")
                    .locations(RetortAppJar.LOCATION).classLoader(application).load();
            assertEquals(N, retort.upgrade("head").applied().size());
        }
        assertEquals(signature(floorUrl).lines(), signature(appUrl).lines());
    }

    @Test
    void retortReadsEveryHeaderAsWritten() {
        Retort retort = Retort.configure().locations(ws.retort().toString()).load();
        assertEquals(List.of(history.head().id()), retort.heads().stream().map(r -> r.id()).toList());
        assertEquals(N, retort.history().size());
        assertEquals(history.revisions().get(0).message(), retort.history().get(N - 1).message());
    }

    @Test
    void flywayGetsOneVersionedFilePerRevisionPerDialect() throws Exception {
        for (Dialect d : Dialect.values()) {
            try (Stream<Path> files = Files.list(ws.flyway(d))) {
                Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
                assertEquals(N, names.size());
                for (Revision r : history.revisions()) {
                    assertTrue(names.contains(FlywayFiles.fileName(r)));
                    assertTrue(FlywayFiles.fileName(r).matches("V" + r.number() + "__[a-z0-9_]+\\.sql"));
                }
            }
        }
        // the dialects differ only where the types do
        assertTrue(Files.readString(ws.raw(Dialect.POSTGRESQL)).contains(" TEXT"));
        assertTrue(!Files.readString(ws.raw(Dialect.H2)).contains(" TEXT"));
    }

    @Test
    void theLiquibaseChangelogIsWellFormedWithOneChangeSetPerRevisionAndNoRawSql() throws Exception {
        Path file = ws.liquibase().resolve(LiquibaseChangelog.FILE_NAME);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals(N, doc.getElementsByTagName("changeSet").getLength());
        assertEquals(0, doc.getElementsByTagName("sql").getLength());
        long tables = history.revisions().stream().filter(r -> r.step() instanceof Step.CreateTable).count();
        assertEquals(tables, doc.getElementsByTagName("createTable").getLength());
        assertTrue(doc.getElementsByTagName("addForeignKeyConstraint").getLength() > 0);
        assertTrue(doc.getElementsByTagName("renameColumn").getLength() > 0);
    }

    private static SchemaSignature signature(String url) throws Exception {
        Set<String> withRows = history.revisions().stream().map(Revision::step).filter(s -> s instanceof Step.Insert)
                .map(s -> ((Step.Insert) s).table()).collect(Collectors.toSet());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return SchemaSignature.read(c, Dialect.H2, withRows);
        }
    }
}
