package dev.retort.dsl.compile;

import dev.retort.dsl.ColumnSpec;
import dev.retort.dsl.Types;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.List;
import java.util.Set;

/**
 * Rewrites, before names are resolved, the two DSL spellings that Groovy would otherwise misread:
 * <ul>
 *   <li>a bare {@code UUID} passed to a call that takes a column type ({@code column('id', UUID)}) is the column type
 *       {@link Types#UUID}, not the class {@code java.util.UUID} that Groovy imports by default;</li>
 *   <li>{@code downRevision null} (also {@code branchLabels}, {@code dependsOn}) picks the list overload, which type
 *       checking would otherwise call ambiguous;</li>
 *   <li>{@code identity()} in a column block (the documented spelling) calls {@link ColumnSpec#autoIncrement()}:
 *       inside any closure Groovy would otherwise dispatch it to its own {@code Object.identity(Closure)}.</li>
 * </ul>
 */
final class ScriptNormalizer extends CompilationCustomizer {


    private static final Set<String> LIST_HEADERS = Set.of("downRevision", "branchLabels", "dependsOn");

    ScriptNormalizer() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis() && call.getArguments() instanceof TupleExpression arguments) {
                    normalize(call.getMethodAsString(), arguments.getExpressions());
                    if ("identity".equals(call.getMethodAsString()) && arguments.getExpressions().isEmpty()) {
                        call.setMethod(at(new ConstantExpression("autoIncrement"), call.getMethod()));
                    }
                }
                super.visitMethodCallExpression(call);
            }
        };
        for (MethodNode method : classNode.getMethods()) {
            if (method.getCode() != null) {
                method.getCode().visit(visitor);
            }
        }
    }

    private static void normalize(String method, List<Expression> arguments) {
        if (method == null) {
            return;
        }
        if (ColumnTypeCalls.NAMES.contains(method)) {
            arguments.replaceAll(argument -> isBare(argument, "UUID")
                    ? at(new PropertyExpression(new ClassExpression(ClassHelper.make(Types.class)), "UUID"), argument)
                    : argument);
        }
        if (LIST_HEADERS.contains(method) && arguments.size() == 1
                && arguments.get(0) instanceof ConstantExpression constant && constant.isNullExpression()) {
            arguments.set(0, at(new CastExpression(ClassHelper.LIST_TYPE, constant), constant));
        }
    }

    private static boolean isBare(Expression expression, String name) {
        return expression instanceof VariableExpression variable && variable.getName().equals(name);
    }

    private static Expression at(Expression replacement, Expression original) {
        replacement.setSourcePosition(original);
        return replacement;
    }
}
