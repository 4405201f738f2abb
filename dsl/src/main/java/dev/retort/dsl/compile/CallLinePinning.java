package dev.retort.dsl.compile;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TernaryExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Makes a DSL call that spans several lines report its first line at run time. Groovy records in the bytecode the line
 * of the last sub-expression that emitted one, so {@code insert 'books', [ … LocalDate.of(…) … ]} would otherwise
 * report the line of {@code LocalDate.of}. This pins the arguments of a multi-line call made on the script (not
 * closure bodies, which keep their own lines) to the call's first line. It runs after type checking, so compile
 * errors keep their exact lines.
 */
final class CallLinePinning extends CompilationCustomizer {

    CallLinePinning() {
        super(CompilePhase.INSTRUCTION_SELECTION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        for (MethodNode method : classNode.getMethods()) {
            if (method.getCode() != null) {
                method.getCode().visit(new Pinner());
            }
        }
    }

    private static final class Pinner extends CodeVisitorSupport {
        private int line = -1;

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            pin(call);
            if (line < 0 && call.isImplicitThis() && call.getLastLineNumber() > call.getLineNumber()) {
                line = call.getLineNumber();
                super.visitMethodCallExpression(call);
                line = -1;
            } else {
                super.visitMethodCallExpression(call);
            }
        }

        @Override
        public void visitClosureExpression(ClosureExpression closure) {
            int pinned = line;
            line = -1;
            super.visitClosureExpression(closure);
            line = pinned;
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            pin(call);
            super.visitStaticMethodCallExpression(call);
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression call) {
            pin(call);
            super.visitConstructorCallExpression(call);
        }

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            pin(expression);
            super.visitBinaryExpression(expression);
        }

        @Override
        public void visitListExpression(ListExpression expression) {
            pin(expression);
            super.visitListExpression(expression);
        }

        @Override
        public void visitTernaryExpression(TernaryExpression expression) {
            pin(expression);
            super.visitTernaryExpression(expression);
        }

        private void pin(ASTNode node) {
            if (line > 0) {
                node.setLineNumber(line);
            }
        }
    }
}
