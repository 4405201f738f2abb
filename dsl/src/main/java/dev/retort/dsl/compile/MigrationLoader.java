package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.Block;
import dev.retort.dsl.MigrationScript;
import dev.retort.dsl.ScriptDeclarations;
import dev.retort.dsl.SourceLocator;
import dev.retort.operation.Operation;
import dev.retort.revision.Migration;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one script into a {@link Migration}: compiles it, runs it (which only registers its blocks), checks that it
 * declares the header that was read without running it, then runs its blocks into operations. A {@code change { }}
 * block's downgrade is each operation reversed, in reverse order. No database is touched.
 */
public final class MigrationLoader {

    private final ScriptCompiler compiler;

    public MigrationLoader(ScriptCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * @param header what {@link HeaderReader} read from the same text
     * @throws RetortException {@code SCRIPT} with {@code file:line} for every compile, header or block error
     */
    public Migration load(ScriptHeader header, String text) {
        return build(header, compiler.compile(header.revision().file(), text));
    }

    /** A header and the text it was read from. */
    public record Script(ScriptHeader header, String text) {
    }

    /**
     * Loads several scripts, compiled together in one unit (see {@link ScriptCompiler#compileAll}); in the order
     * given. Script file names must be distinct, as each names its class.
     */
    public List<Migration> loadAll(List<Script> scripts) {
        List<Class<? extends MigrationScript>> types = compiler.compileAll(scripts.stream()
                .map(s -> new ScriptCompiler.ScriptText(s.header().revision().file(), s.text())).toList());
        List<Migration> migrations = new ArrayList<>(scripts.size());
        for (int i = 0; i < scripts.size(); i++) {
            migrations.add(build(scripts.get(i).header(), types.get(i)));
        }
        return migrations;
    }

    private Migration build(ScriptHeader header, Class<? extends MigrationScript> type) {
        Revision revision = header.revision();
        String file = revision.file();
        SourceLocator locator = new SourceLocator(file, type.getName());
        ScriptDeclarations declared = located(locator, () -> {
            MigrationScript script = type.getDeclaredConstructor().newInstance();
            ScriptDeclarations declarations = ScriptDeclarations.attach(script, locator);
            script.run();
            declarations.seal();
            return declarations;
        });
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

    private static List<Operation> operations(SourceLocator locator, Block block) {
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
    private static <T> T located(SourceLocator locator, ScriptAction<T> action) {
        try {
            return action.run();
        } catch (RetortException e) {
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
