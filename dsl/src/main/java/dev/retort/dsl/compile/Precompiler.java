package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.revision.RevisionGraph;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an application's migrations at build time into its class path ({@link PrecompiledScripts}), so that it
 * migrates on start-up without starting the Groovy compiler. Literal scripts need no compiling and get no entry.
 * The scripts' headers are written too ({@link HeaderIndex#SHIPPED}), so that from the jar they are not parsed at
 * start-up either. Then every script is loaded once from the result, the way the application will load it, so a
 * broken script or revision graph fails the build with {@code file:line}.
 *
 * <p>Run it with the application's class path, after its resources are copied and before it is packaged, naming the
 * locations exactly as the application configures them: a script's entry is keyed by that name and its text, and a
 * location spelled otherwise at run time finds no entries (its scripts are then compiled, as without this).
 * <pre>
 * java -cp target/classes:DEPENDENCIES dev.retort.dsl.compile.Precompiler target/classes classpath:db/migrations
 * </pre>
 * It is a {@code main} here rather than a {@code retort} subcommand because it must run on the application's class
 * path, which holds this module but not the command line's.
 */
public final class Precompiler {

    private final ClassLoader classLoader;

    /** @param classLoader sees the locations and the classes the scripts import (the application's class path) */
    public Precompiler(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** What a run did: how many scripts there are, how many were compiled into entries, where they went. */
    public record Summary(int scripts, int compiled, Path folder) {
    }

    /**
     * Writes an entry under {@code root} for every script of {@code locations} that needs compiling, after removing
     * the entries an earlier run left there, then loads every script from the result.
     *
     * @param root a class-path root of the application (such as {@code target/classes})
     * @throws RetortException {@code SCRIPT} or {@code GRAPH} for broken scripts, {@code CONFIGURATION} for a
     *                         missing location or an unwritable folder
     */
    public Summary precompile(Path root, List<String> locations) {
        try {
            PrecompiledScripts.clear(root);
        } catch (IOException e) {
            throw unwritable(root, e);
        }
        // listed and read as a migration source reads them: every header error at once, with file:line
        GroovyMigrationSource source = new GroovyMigrationSource(locations, classLoader);
        List<MigrationLoader.Script> scripts = source.scripts();
        List<MigrationLoader.Script> toCompile = scripts.stream()
                .filter(script -> MigrationLoader.readLiteral(script).isEmpty()).toList();
        List<ScriptCompiler.ScriptText> written = new ArrayList<>();
        try {
            ScriptCompiler compiler = new ScriptCompiler(classLoader);
            for (List<MigrationLoader.Script> batch : MigrationLoader.batches(toCompile)) {
                List<ScriptCompiler.ScriptText> texts = batch.stream()
                        .map(MigrationLoader.Script::toCompile).toList();
                List<CompiledScriptCache.Entry> entries = compiler.compileToClassFiles(texts);
                for (int i = 0; i < texts.size(); i++) {
                    PrecompiledScripts.write(root, key(texts.get(i)), entries.get(i));
                    written.add(texts.get(i));
                }
            }
            HeaderIndex.ship(root, scripts);
        } catch (IOException e) {
            throw unwritable(root, e);
        }
        loadFrom(root, locations, written);
        return new Summary(scripts.size(), written.size(), root.resolve(PrecompiledScripts.FOLDER));
    }

    private static String key(ScriptCompiler.ScriptText script) {
        return CompiledScriptCache.key(script.file(), script.text());
    }

    private static RetortException unwritable(Path root, IOException e) {
        return new RetortException(ErrorCode.CONFIGURATION, "cannot write precompiled scripts under " + root + ": "
                + e.getMessage(), e);
    }

    /**
     * Reads every entry back and loads every script as the application will, with the entries on its class path:
     * the scripts must load, and none may need compiling again (that would be a fault of this class, not of the
     * scripts).
     */
    private void loadFrom(Path root, List<String> locations, List<ScriptCompiler.ScriptText> written) {
        try (URLClassLoader withEntries = new URLClassLoader(new URL[]{root.toUri().toURL()}, classLoader)) {
            PrecompiledScripts entries = new PrecompiledScripts(withEntries);
            List<String> unread = written.stream().filter(s -> entries.get(key(s)).isEmpty())
                    .map(ScriptCompiler.ScriptText::file).toList();
            if (!unread.isEmpty()) {
                throw new RetortException(ErrorCode.INTERNAL, "the precompiled entries of " + String.join(", ", unread)
                        + " cannot be read back from " + root);
            }
            GroovyMigrationSource source = new GroovyMigrationSource(locations, withEntries);
            source.loadAll(RevisionGraph.of(source.revisions()).revisions());
            if (source.compiledWithGroovy() > 0) {
                throw new RetortException(ErrorCode.INTERNAL, source.compiledWithGroovy() + " of " + written.size()
                        + " precompiled scripts of " + locations + " were compiled again when loaded from " + root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code Precompiler ROOT LOCATION...}: exit code 0 when every script compiled and loaded, otherwise the CLI's
     * code for the failure (4 a broken script, 5 a broken graph, 2 a wrong command line) and one line per problem.
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("usage: Precompiler ROOT LOCATION... (for example: target/classes classpath:db/migrations)");
            return 2;
        }
        Path root;
        try {
            root = Path.of(args[0]);
        } catch (InvalidPathException e) {
            err.println("usage: not a folder: " + args[0]);
            return 2;
        }
        try {
            Summary summary = new Precompiler(Thread.currentThread().getContextClassLoader())
                    .precompile(root, List.of(args).subList(1, args.length));
            out.println("precompiled " + summary.compiled() + " of " + summary.scripts() + " scripts into "
                    + summary.folder() + " (the others are literal and need no compiling), their headers into "
                    + root.resolve(HeaderIndex.SHIPPED) + "; all load");
            return 0;
        } catch (RetortException e) {
            err.println("error: " + e.getMessage());
            return e.code().exitCode();
        } catch (RuntimeException e) {
            err.println("error: internal: " + e);
            return ErrorCode.INTERNAL.exitCode();
        }
    }
}
