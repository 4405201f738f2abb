package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.Block;
import dev.retort.dsl.CallLocator;
import dev.retort.dsl.LiteralScript;
import dev.retort.dsl.MigrationScript;
import dev.retort.dsl.ScriptDeclarations;
import dev.retort.dsl.SourceLocator;
import dev.retort.operation.Operation;
import dev.retort.revision.Migration;
import dev.retort.revision.Revision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one script into a {@link Migration}: runs it (which only registers its blocks), checks that it declares the
 * header that was read without running it, then runs its blocks into operations. A {@code change { }} block's
 * downgrade is each operation reversed, in reverse order. No database is touched.
 *
 * <p>A literal script (DSL calls with literal arguments, which most migrations are) is read and run without Groovy
 * by {@link LiteralScriptParser} and {@link LiteralScript}, through the same spec objects; every other script is
 * compiled. The compiler is created only when a script needs it, since creating it starts Groovy.
 */
public final class MigrationLoader {

    private final Supplier<ScriptCompiler> compilerFactory;
    private final boolean readLiterals;
    private ScriptCompiler compiler;

    /** A loader that reads literal scripts without Groovy and compiles the rest with this compiler. */
    public MigrationLoader(ScriptCompiler compiler) {
        this(() -> compiler, true);
    }

    /**
     * @param compiler     called once, when the first script that needs compiling comes
     * @param readLiterals false to compile every script (to compare the two ways of reading one)
     */
    public MigrationLoader(Supplier<ScriptCompiler> compiler, boolean readLiterals) {
        this.compilerFactory = compiler;
        this.readLiterals = readLiterals;
    }

    /**
     * @param header what {@link HeaderReader} read from the same text
     * @throws RetortException {@code SCRIPT} with {@code file:line} for every compile, header or block error
     */
    public Migration load(ScriptHeader header, String text) {
        return loadAll(List.of(new Script(header, text))).get(0);
    }

    /** A header and the text it was read from. */
    public record Script(ScriptHeader header, String text) {

        /** What the compiler is given for it: its name for messages and its text. */
        ScriptCompiler.ScriptText toCompile() {
            return new ScriptCompiler.ScriptText(header.revision().file(), text);
        }
    }

    /**
     * Loads several scripts, compiled together in one unit (see {@link ScriptCompiler#compileAll}); in the order
     * given. Script file names must be distinct, as each names its class.
     */
    public List<Migration> loadAll(List<Script> scripts) {
        Migration[] migrations = new Migration[scripts.size()];
        List<Integer> toCompile = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Optional<Migration> literal = readLiterals ? readLiteral(scripts.get(i)) : Optional.empty();
            if (literal.isPresent()) {
                migrations[i] = literal.get();
            } else {
                toCompile.add(i);
            }
        }
        if (!toCompile.isEmpty()) {
            List<Class<? extends MigrationScript>> types = compiler().compileAll(toCompile.stream()
                    .map(scripts::get)
                    .map(Script::toCompile).toList());
            for (int c = 0; c < types.size(); c++) {
                int i = toCompile.get(c);
                migrations[i] = build(scripts.get(i).header(), types.get(c));
            }
        }
        return List.of(migrations);
    }

    /** Scripts per compilation unit: one unit resolves the DSL once for all its scripts, the size bounds its memory. */
    static final int BATCH = 100;

    /**
     * The scripts in batches for {@link #loadAll}, in order: at most {@value #BATCH} each, and no file name twice in
     * one, since a script's class is named after its file (two locations may hold the same name).
     */
    static List<List<Script>> batches(List<Script> scripts) {
        List<List<Script>> batches = new ArrayList<>();
        List<Script> batch = new ArrayList<>();
        Set<String> classNames = new HashSet<>();
        for (Script script : scripts) {
            String file = script.header().revision().file().replace("classpath:", "");
            String className = Path.of(file).getFileName().toString();
            if (batch.size() == BATCH || !classNames.add(className)) {
                batches.add(batch);
                batch = new ArrayList<>();
                classNames.clear();
                classNames.add(className);
            }
            batch.add(script);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /**
     * The migration of a literal script, or empty when the script needs compiling. A literal script that fails is
     * compiled too: then the error is always the compiler's, whether a later statement would not have compiled or
     * the failure is the script's own, and the literal reader never has to match Groovy's messages.
     */
    static Optional<Migration> readLiteral(Script script) {
        Optional<List<dev.retort.dsl.LiteralCall>> calls = LiteralScriptParser.parse(script.text());
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        LiteralScript literal = new LiteralScript(script.header().revision().file(), calls.get());
        try {
            return Optional.of(build(script.header(), located(literal.locator(), literal::declare), literal.locator()));
        } catch (LiteralScript.NotLiteral | RetortException e) {
            return Optional.empty();
        }
    }

    private ScriptCompiler compiler() {
        if (compiler == null) {
            compiler = compilerFactory.get();
        }
        return compiler;
    }

    private static Migration build(ScriptHeader header, Class<? extends MigrationScript> type) {
        SourceLocator locator = new SourceLocator(header.revision().file(), type.getName());
        ScriptDeclarations declared = located(locator, () -> {
            MigrationScript script = type.getDeclaredConstructor().newInstance();
            ScriptDeclarations declarations = ScriptDeclarations.attach(script, locator);
            script.run();
            declarations.seal();
            return declarations;
        });
        return build(header, declared, locator);
    }

    /** What the script declared, checked against its header, with its blocks run into operations. */
    private static Migration build(ScriptHeader header, ScriptDeclarations declared, CallLocator locator) {
        Revision revision = header.revision();
        checkHeader(header, declared);

        Optional<Block> change = declared.block(Block.Kind.CHANGE);
        Optional<Block> upgrade = declared.block(Block.Kind.UPGRADE);
        Optional<Block> downgrade = declared.block(Block.Kind.DOWNGRADE);
        if (change.isPresent()) {
            List<Operation> operations = operations(locator, change.get());
            return new Migration(revision, operations, reversed(operations), declared.transactional());
        }
        if (upgrade.isEmpty()) {
            throw new RetortException(ErrorCode.SCRIPT, downgrade
                    .map(d -> d.location() + ": downgrade { } needs an upgrade { } block too")
                    .orElse(revision.location() + ": declares no upgrade { } or change { } block"));
        }
        return new Migration(revision, operations(locator, upgrade.get()),
                downgrade.map(d -> operations(locator, d)).orElse(null), declared.transactional());
    }

    private static List<Operation> operations(CallLocator locator, Block block) {
        return located(locator, block::operations);
    }

    private static List<Operation> reversed(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>(operations.size());
        List<String> irreversible = new ArrayList<>();
        for (Operation operation : operations) {
            Optional<Operation> reverse = operation.reverse();
            if (reverse.isPresent()) {
                reversed.add(0, reverse.get());
            } else {
                irreversible.add(operation.location() + ": " + operation.describe() + " cannot be reversed"
                        + " automatically; use upgrade { } and downgrade { } instead");
            }
        }
        if (!irreversible.isEmpty()) {
            throw new RetortException(ErrorCode.SCRIPT, String.join("\n", irreversible));
        }
        return reversed;
    }

    private static void checkHeader(ScriptHeader header, ScriptDeclarations declared) {
        Revision read = header.revision();
        List<String> differences = new ArrayList<>();
        compare(differences, "revision", read.id(), declared.revision());
        compare(differences, "downRevision", read.downRevisions(), declared.downRevisions());
        compare(differences, "branchLabels", read.branchLabels(), declared.branchLabels());
        compare(differences, "dependsOn", read.dependsOn(), declared.dependsOn());
        compare(differences, "message", read.message(), declared.message());
        compare(differences, "transactional", header.transactional(), declared.transactional());
        if (!differences.isEmpty()) {
            throw new RetortException(ErrorCode.SCRIPT, read.location() + ": the header read without running the"
                    + " script differs from what running it declares (" + String.join("; ", differences)
                    + "): keep the header literal, at the top of the file");
        }
    }

    private static void compare(List<String> differences, String keyword, Object read, Object declared) {
        if (!Objects.equals(read, declared)) {
            differences.add(keyword + " read as " + read + ", declared as " + declared);
        }
    }

    /** Runs script code, turning a failure into a SCRIPT error at the script line where it happened. */
    private static <T> T located(CallLocator locator, ScriptAction<T> action) {
        try {
            return action.run();
        } catch (RetortException | LiteralScript.NotLiteral e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            // the DSL and the operation records say what is wrong in plain IllegalArgument/StateExceptions
            boolean plain = cause.getClass() == IllegalArgumentException.class
                    || cause.getClass() == IllegalStateException.class;
            String message = plain ? cause.getMessage() : cause.toString();
            throw new RetortException(ErrorCode.SCRIPT, locator.of(cause) + ": " + message, cause);
        }
    }

    @FunctionalInterface
    private interface ScriptAction<T> {
        T run() throws Exception;
    }
}
