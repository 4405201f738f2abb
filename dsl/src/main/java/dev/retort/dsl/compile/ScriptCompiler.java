package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;
import dev.retort.dsl.MigrationScript;
import dev.retort.dsl.Types;
import groovy.lang.GroovyClassLoader;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.tools.GroovyClass;
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
import java.util.concurrent.atomic.AtomicInteger;

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
    private final CompilerConfiguration configuration;
    private final CompiledScriptCache cache;
    /** Entries compiled at build time, looked up on the class loader the scripts are read with. */
    private final PrecompiledScripts precompiled;
    private final AtomicInteger compiled = new AtomicInteger();

    /** A script to compile: its name for messages (a path or {@code classpath:…}) and its text. */
    public record ScriptText(String file, String text) {
    }

    /** @param parent serves the classes that scripts import; it must see the DSL, or the DSL's own loader is used */
    public ScriptCompiler(ClassLoader parent) {
        this(parent, null);
    }

    /** @param cache where compiled scripts are kept between runs; null to compile every time */
    public ScriptCompiler(ClassLoader parent, CompiledScriptCache cache) {
        this.cache = cache;
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(MigrationScript.class.getName());
        configuration.setSourceEncoding("UTF-8");
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStaticStars(Types.class.getName());
        imports.addImports("groovy.sql.Sql");
        configuration.addCompilationCustomizers(imports, new ScriptNormalizer(),
                new ASTTransformationCustomizer(groovy.transform.CompileStatic.class), new CallLinePinning());
        this.configuration = configuration;
        ClassLoader base = seesDsl(parent) ? parent : MigrationScript.class.getClassLoader();
        this.classLoader = new GroovyClassLoader(base, configuration);
        this.precompiled = new PrecompiledScripts(parent != null ? parent : base);
    }

    /** How many scripts this compiler compiled: neither precompiled nor found in the cache. */
    int compiledCount() {
        return compiled.get();
    }

    /**
     * Compiles several scripts in one compilation unit, which resolves the DSL's classes once for all of them
     * instead of once per file (most of the cost of compiling a small script). Every compile error of every file
     * is reported at once. The result is in the order given.
     *
     * @throws RetortException {@code SCRIPT} listing every compile error, one {@code file:line:column} line each
     */
    public List<Class<? extends MigrationScript>> compileAll(List<ScriptText> scripts) {
        // one loader per batch, so a batch's classes can be collected once its migrations are built
        GroovyClassLoader batchLoader = new GroovyClassLoader(classLoader, configuration);
        CompiledScriptCache.Entry[] entries = new CompiledScriptCache.Entry[scripts.size()];
        String[] keys = new String[scripts.size()];
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            keys[i] = CompiledScriptCache.key(scripts.get(i).file(), scripts.get(i).text());
            entries[i] = precompiled.get(keys[i]).orElse(null);
            if (entries[i] == null && cache != null) {
                entries[i] = cache.get(keys[i]).orElse(null);
            }
            if (entries[i] == null) {
                misses.add(i);
            }
        }
        if (!misses.isEmpty()) {
            List<CompiledScriptCache.Entry> fresh = compileUnit(misses.stream().map(scripts::get).toList(), batchLoader);
            compiled.addAndGet(misses.size());
            for (int m = 0; m < misses.size(); m++) {
                int i = misses.get(m);
                entries[i] = fresh.get(m);
                if (cache != null) {
                    cache.put(keys[i], entries[i]);
                }
            }
        }
        java.util.Map<String, Class<?>> defined = new java.util.HashMap<>();
        for (CompiledScriptCache.Entry entry : entries) {
            entry.classes().forEach((name, bytes) -> defined.put(name, batchLoader.defineClass(name, bytes)));
        }
        List<Class<? extends MigrationScript>> compiled = new ArrayList<>(scripts.size());
        for (int i = 0; i < scripts.size(); i++) {
            Class<?> type = defined.get(entries[i].mainClass());
            if (type == null || !MigrationScript.class.isAssignableFrom(type)) {
                throw new RetortException(ErrorCode.SCRIPT, scripts.get(i).file() + ":1: is not a migration script:"
                        + " it declares classes but no statements");
            }
            compiled.add(type.asSubclass(MigrationScript.class));
        }
        return compiled;
    }

    /**
     * @param file names the script in messages and stack traces: its path, or {@code classpath:dir/name.groovy}
     * @throws RetortException {@code SCRIPT} listing every compile error of the file
     */
    public Class<? extends MigrationScript> compile(String file, String text) {
        return compileAll(List.of(new ScriptText(file, text))).get(0);
    }

    /**
     * Compiles in one unit without defining the classes: each script's generated class files, in the order given,
     * for {@link Precompiler} to ship.
     *
     * @throws RetortException {@code SCRIPT} listing every compile error
     */
    List<CompiledScriptCache.Entry> compileToClassFiles(List<ScriptText> scripts) {
        try (GroovyClassLoader loader = new GroovyClassLoader(classLoader, configuration)) {
            return compileUnit(scripts, loader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compiles in one unit; returns each script's generated classes, in the order given. */
    private List<CompiledScriptCache.Entry> compileUnit(List<ScriptText> scripts, GroovyClassLoader loader) {
        CompilationUnit unit = new CompilationUnit(configuration, null, loader);
        List<SourceUnit> sources = new ArrayList<>(scripts.size());
        for (ScriptText script : scripts) {
            String code = script.text().startsWith("\uFEFF") ? script.text().substring(1) : script.text();
            sources.add(unit.addSource(script.file(), code));
        }
        try {
            unit.compile(Phases.CLASS_GENERATION);
        } catch (CompilationFailedException e) {
            throw new RetortException(ErrorCode.SCRIPT, describe(scripts.size() == 1 ? scripts.get(0).file() : null, e));
        }
        java.util.Map<String, byte[]> generated = new java.util.HashMap<>();
        for (GroovyClass c : unit.getClasses()) {
            generated.put(c.getName(), c.getBytes());
        }
        List<CompiledScriptCache.Entry> entries = new ArrayList<>(scripts.size());
        for (int i = 0; i < sources.size(); i++) {
            String main = sources.get(i).getAST().getClasses().stream().filter(ClassNode::isScript).findFirst()
                    .map(ClassNode::getName).orElse(null);
            if (main == null) {
                String declared = String.join(", ", sources.get(i).getAST().getClasses().stream().map(ClassNode::getName).toList());
                throw new RetortException(ErrorCode.SCRIPT, scripts.get(i).file() + ":1: is not a migration script:"
                        + " it declares " + declared + " but no statements");
            }
            java.util.Map<String, byte[]> own = new java.util.LinkedHashMap<>();
            for (ClassNode node : sources.get(i).getAST().getClasses()) {
                addWithInner(node.getName(), generated, own);
            }
            entries.add(new CompiledScriptCache.Entry(main, own));
        }
        return entries;
    }

    /** A class and the closures and inner classes generated for it ({@code Name$…}). */
    private static void addWithInner(String name, java.util.Map<String, byte[]> generated, java.util.Map<String, byte[]> into) {
        generated.forEach((candidate, bytes) -> {
            if (candidate.equals(name) || candidate.startsWith(name + "$")) {
                into.put(candidate, bytes);
            }
        });
    }

    /** @param file the one file compiled, or null when several were: each message then names its own */
    private static String describe(String file, CompilationFailedException failure) {
        List<String> lines = new ArrayList<>();
        if (failure instanceof MultipleCompilationErrorsException multiple) {
            List<? extends Message> errors = multiple.getErrorCollector().getErrors();
            for (Message message : errors) {
                if (!insideUnresolvedBlock(message, errors)) {
                    lines.add(describe(file != null ? file : fileOf(message), message));
                }
            }
        }
        if (lines.isEmpty() && file == null) {
            file = "<script>";
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

    private static String fileOf(Message message) {
        if (message instanceof SyntaxErrorMessage syntax && syntax.getCause().getSourceLocator() != null) {
            return syntax.getCause().getSourceLocator();
        }
        return "<script>";
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
        if (!java.util.Objects.equals(outer.getSourceLocator(), inner.getSourceLocator())) {
            return false;   // errors of several files compiled together
        }
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
