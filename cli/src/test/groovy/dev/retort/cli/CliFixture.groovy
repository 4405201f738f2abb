package dev.retort.cli

import dev.retort.testsupport.Catalog
import dev.retort.testsupport.DatabaseEngine
import dev.retort.testsupport.TestDatabase
import picocli.CommandLine

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.util.concurrent.TimeUnit

/**
 * A Retort project in a temporary folder, and ways to run the command line on it: in-process through
 * {@link RetortCommand#commandLine(Map)} with an injected environment, or as a real child process through
 * {@code main}. The project is {@code <root>/project} with a {@code migrations} folder; its database is an H2 file
 * inside it ({@code jdbc:h2:file:${projectDir}/db/x}) or a PostgreSQL schema of its own, set in
 * {@code retort.properties}.
 */
class CliFixture implements AutoCloseable {

    /** The bookstore example of this repository (tests run in the cli module's folder). */
    static final Path BOOKSTORE = Path.of(System.getProperty('user.dir')).toAbsolutePath()
            .resolveSibling('examples').resolve('bookstore').resolve('migrations')

    /** The H2 file database every H2 project uses, inside the project folder. */
    static final String H2_URL = 'jdbc:h2:file:${projectDir}/db/x'

    static final long PROCESS_TIMEOUT_SECONDS = 60

    final Path root
    final Path project
    final Path migrations
    /** The environment the command line sees; nothing of the real environment leaks in. */
    final Map<String, String> env = [:]
    final Map<String, String> properties = new LinkedHashMap<>()

    DatabaseEngine engine
    /** The PostgreSQL schema; null for H2, whose file lives in the project folder. */
    TestDatabase database
    /** What the fixture connects with to look at the database; the command line gets its own settings. */
    String user
    String password = ''
    /** Held open while a spec looks at an H2 database (see {@link #connect()}). */
    private Connection h2KeepOpen

    CliFixture(Path root) {
        this.root = root
        this.project = root.resolve('project')
        this.migrations = project.resolve('migrations')
        Files.createDirectories(migrations)
    }

    /** The bookstore's seven revisions in the migrations folder. */
    CliFixture withBookstore() {
        assert Files.isDirectory(BOOKSTORE): "no bookstore example at $BOOKSTORE"
        Files.list(BOOKSTORE).withCloseable { files ->
            files.filter { it.fileName.toString().endsWith('.groovy') }
                    .forEach { Files.copy(it, migrations.resolve(it.fileName)) }
        }
        this
    }

    /** Points {@code retort.properties} at a fresh database of the engine. */
    CliFixture on(DatabaseEngine engine) {
        this.engine = engine
        if (engine == DatabaseEngine.H2) {
            user = 'sa'
            properties(url: H2_URL, user: 'sa')
        } else {
            database = engine.fresh()
            user = database.user()
            password = database.password() ?: ''
            properties(url: database.jdbcUrl(), user: database.user())
        }
        this
    }

    /** Sets keys of {@code retort.properties} (a null value removes the key) and writes the file. */
    CliFixture properties(Map<String, String> values) {
        values.each { k, v -> v == null ? properties.remove(k) : properties.put(k, v) }
        Files.writeString(project.resolve('retort.properties'), properties.collect { k, v -> "$k=$v" }.join('\n') + '\n')
        this
    }

    /** The URL the fixture itself connects with: {@code ${projectDir}} resolved. */
    String getJdbcUrl() {
        database != null ? database.jdbcUrl() : H2_URL.replace('${projectDir}', project.toString())
    }

    // ---- scripts

    Path script(String fileName, String text) {
        Path file = migrations.resolve(fileName)
        Files.writeString(file, text.stripIndent())
        file
    }

    /**
     * A revision file {@code <id>.groovy}. Header options: {@code down} (an id or a list), {@code labels},
     * {@code dependsOn}, {@code message}. The default body creates the table {@code t_<id>}.
     */
    Path revision(Map header, String id, String body = null) {
        StringBuilder text = new StringBuilder("revision '$id'\n")
        if (header.down instanceof List) {
            text << "downRevision([${header.down.collect { "'$it'" }.join(', ')}])\n"
        } else if (header.down) {
            text << "downRevision '${header.down}'\n"
        }
        if (header.labels) {
            text << "branchLabels '${header.labels}'\n"
        }
        if (header.dependsOn) {
            text << "dependsOn '${header.dependsOn}'\n"
        }
        text << "message '${header.message ?: "create t_$id"}'\n\n"
        text << (body ?: """\
                change {
                    createTable('t_$id') {
                        column('id', BIGINT) { primaryKey() }
                    }
                }
                """.stripIndent())
        Path file = migrations.resolve("${id}.groovy")
        Files.writeString(file, text.toString())
        file
    }

    Path revision(String id) {
        revision([:], id)
    }

    // ---- running the command line

    /** In-process, on this project ({@code -C project} first). */
    CliResult run(Object... args) {
        execute(['-C', project.toString()] + args*.toString())
    }

    /** In-process, exactly these arguments, with {@link #env} as the environment. */
    CliResult execute(List<String> args) {
        execute(RetortCommand.commandLine(env, args as String[]), args)
    }

    /** In-process on a command line the caller built (for example with an extra subcommand). */
    static CliResult execute(CommandLine commandLine, List<String> args) {
        StringWriter out = new StringWriter()
        StringWriter err = new StringWriter()
        commandLine.out = new PrintWriter(out, true)
        commandLine.err = new PrintWriter(err, true)
        int exit = commandLine.execute(args as String[])
        new CliResult(exit, out.toString(), err.toString())
    }

    /**
     * As a child process through {@code main}, in the project folder (no {@code -C}), with {@link #env} as the
     * only {@code RETORT_*} variables.
     */
    CliResult process(Object... args) {
        releaseH2()
        Path logs = Files.createTempDirectory(root, 'process')
        File out = logs.resolve('stdout').toFile()
        File err = logs.resolve('stderr').toFile()
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        // C1 only and the serial collector: a short-lived process starts about twice as fast
        ProcessBuilder builder = new ProcessBuilder([java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
                                                     '-cp', System.getProperty('java.class.path'),
                                                     RetortCommand.name] + args*.toString())
                .directory(project.toFile())
                .redirectOutput(out)
                .redirectError(err)
        builder.environment().keySet().removeIf { it.startsWith('RETORT_') }
        builder.environment().putAll(env)
        Process process = builder.start()
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor()
            throw new AssertionError("retort ${args.join(' ')} did not end within $PROCESS_TIMEOUT_SECONDS s; stderr:\n${err.text}")
        }
        new CliResult(process.exitValue(), out.text, err.text)
    }

    // ---- looking at the database

    /**
     * A new connection to the project's database. For H2 the first call also opens a connection that stays open
     * until {@link #close()} (or a child process needs the file): while one is open, H2 keeps the database open
     * instead of reading the file again for every command, which makes a spec several times faster.
     */
    Connection connect() {
        if (database != null) {
            return database.connect()
        }
        if (h2KeepOpen == null) {
            h2KeepOpen = DriverManager.getConnection(jdbcUrl, user, password)
        }
        DriverManager.getConnection(jdbcUrl, user, password)
    }

    /** Lets H2 close the file, so that another process can open it. */
    private void releaseH2() {
        h2KeepOpen?.close()
        h2KeepOpen = null
    }

    /** The version table's rows, sorted; empty when it does not exist. */
    List<String> versionRows() {
        connect().withCloseable { Connection c ->
            if (!new Catalog(c).hasTable('retort_version')) {
                return []
            }
            c.createStatement().withCloseable { s ->
                s.executeQuery('SELECT version_num FROM retort_version').withCloseable { rs ->
                    List<String> rows = []
                    while (rs.next()) {
                        rows << rs.getString(1)
                    }
                    rows.sort()
                }
            }
        }
    }

    /** Every table of the database, lower case, sorted (Retort's own tables included). */
    List<String> tables() {
        connect().withCloseable { Connection c -> new Catalog(c).tables()*.toLowerCase().sort() }
    }

    /** The tables the migrations made, lower case, sorted: without retort_version, retort_history, retort_lock. */
    List<String> userTables() {
        tables().findAll { !it.startsWith('retort_') }
    }

    List<String> columns(String table) {
        connect().withCloseable { Connection c ->
            new Catalog(c).table(table).map { it.columnNames()*.toLowerCase() }.orElse(null)
        }
    }

    /** Whether the H2 file database exists (it is made on the first connection). */
    boolean getH2FileExists() {
        Files.exists(project.resolve('db').resolve('x.mv.db'))
    }

    @Override
    void close() {
        releaseH2()
        database?.close()
    }
}
