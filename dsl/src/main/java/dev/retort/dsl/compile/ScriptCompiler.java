package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.MigrationScript;
import dev.retort.dsl.Types;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.transform.TypeChecked;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles migration scripts: {@link MigrationScript} as base class, the {@link Types} vocabulary and
 * {@code groovy.sql.Sql} imported, type checking on. One instance (and one class loader) serves many files. Every
 * compile error becomes one line {@code file:line:column: message} of a {@link RetortException} with code
 * {@code SCRIPT}.
 */
public final class ScriptCompiler {

    private static final String TYPE_CHECKING_PREFIX = "[Static type checking] - ";
    private static final String UNRESOLVED_CALL = "Cannot find matching method ";
    private static final String CLOSURE_ARGUMENT = "groovy.lang.Closure)";

    private final GroovyClassLoader classLoader;

    /** @param parent serves the classes that scripts import; it must see the DSL, or the DSL's own loader is used */
    public ScriptCompiler(ClassLoader parent) {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(MigrationScript.class.getName());
        configuration.setSourceEncoding("UTF-8");
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStaticStars(Types.class.getName());
        imports.addImports("groovy.sql.Sql");
        configuration.addCompilationCustomizers(imports, new ScriptNormalizer(),
                new ASTTransformationCustomizer(TypeChecked.class), new CallLinePinning());
        this.classLoader = new GroovyClassLoader(seesDsl(parent) ? parent : MigrationScript.class.getClassLoader(),
                configuration);
    }

    /**
     * @param file names the script in messages and stack traces: its path, or {@code classpath:dir/name.groovy}
     * @throws RetortException {@code SCRIPT} listing every compile error of the file
     */
    public Class<? extends MigrationScript> compile(String file, String text) {
        String code = text.startsWith("\uFEFF") ? text.substring(1) : text;
        GroovyCodeSource source = new GroovyCodeSource(code, file, GroovyShell.DEFAULT_CODE_BASE);
        source.setCachable(false);
        Class<?> compiled;
        try {
            compiled = classLoader.parseClass(source, false);
        } catch (CompilationFailedException e) {
            throw new RetortException(ErrorCode.SCRIPT, describe(file, e));
        } finally {
            // scripts never refer to each other by name: keep no class alive for the next compile
            classLoader.clearCache();
        }
        if (!MigrationScript.class.isAssignableFrom(compiled)) {
            throw new RetortException(ErrorCode.SCRIPT, file + ":1: is not a migration script: it declares "
                    + compiled.getName() + " but no statements");
        }
        return compiled.asSubclass(MigrationScript.class);
    }

    private static String describe(String file, CompilationFailedException failure) {
        List<String> lines = new ArrayList<>();
        if (failure instanceof MultipleCompilationErrorsException multiple) {
            List<? extends Message> errors = multiple.getErrorCollector().getErrors();
            for (Message message : errors) {
                if (!insideUnresolvedBlock(message, errors)) {
                    lines.add(describe(file, message));
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add(file + ": " + oneLine(failure.getMessage()));
        }
        return String.join("\n", lines);
    }

    private static String describe(String file, Message message) {
        if (message instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            String text = cause.getOriginalMessage();
            if (text.startsWith(TYPE_CHECKING_PREFIX)) {
                text = text.substring(TYPE_CHECKING_PREFIX.length());
            }
            return file + ":" + cause.getStartLine() + ":" + cause.getStartColumn() + ": " + oneLine(text);
        }
        if (message instanceof ExceptionMessage exception) {
            return file + ": " + oneLine(String.valueOf(exception.getCause().getMessage()));
        }
        if (message instanceof SimpleMessage simple) {
            return file + ": " + oneLine(simple.getMessage());
        }
        return file + ": " + message.getClass().getSimpleName();
    }

    /**
     * Whether the error lies inside the block of a call that did not resolve ({@code creatTable('t') { column … }}).
     * Such a block has no delegate type, so every call in it fails as well; those follow-on errors would bury the
     * one that names the cause.
     */
    private static boolean insideUnresolvedBlock(Message message, List<? extends Message> errors) {
        if (!(message instanceof SyntaxErrorMessage inner)) {
            return false;
        }
        SyntaxException at = inner.getCause();
        for (Message other : errors) {
            if (other != message && other instanceof SyntaxErrorMessage outer) {
                SyntaxException call = outer.getCause();
                String text = call.getOriginalMessage();
                if (text.contains(UNRESOLVED_CALL) && text.contains(CLOSURE_ARGUMENT) && encloses(call, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean encloses(SyntaxException outer, SyntaxException inner) {
        long start = position(outer.getStartLine(), outer.getStartColumn());
        long end = position(outer.getEndLine(), outer.getEndColumn());
        long at = position(inner.getStartLine(), inner.getStartColumn());
        return at > start && at < end;
    }

    private static long position(int line, int column) {
        return (long) line << 32 | column;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean seesDsl(ClassLoader loader) {
        try {
            return loader != null && loader.loadClass(MigrationScript.class.getName()) == MigrationScript.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
