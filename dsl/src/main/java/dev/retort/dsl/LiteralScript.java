package dev.retort.dsl;

import dev.retort.operation.ColumnType;
import dev.retort.operation.ReferentialAction;
import dev.retort.operation.SourceLocation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a literal script (every statement a DSL call with literal arguments, read by the compiler's literal reader)
 * without Groovy, calling the same spec objects a compiled script calls, in the same order, with the same values.
 * Only calls whose name and argument types match one DSL method exactly, as type checking would accept them, run
 * here; anything else throws {@link NotLiteral}, and the script is compiled instead, so Groovy keeps the last word
 * on what a script means and how its errors read.
 */
public final class LiteralScript {

    private static final Set<String> HEADER = Set.of("revision", "downRevision", "branchLabels", "dependsOn",
            "message", "transactional");

    /** This script is not one the literal reader runs: compile it. Carries no stack; it is not an error. */
    public static final class NotLiteral extends RuntimeException {
        NotLiteral(String why) {
            super(why, null, false, false);
        }
    }

    private final List<LiteralCall> calls;
    private final Cursor cursor;

    public LiteralScript(String file, List<LiteralCall> calls) {
        this.calls = calls;
        this.cursor = new Cursor(file);
    }

    /** Locates the call being run. */
    public CallLocator locator() {
        return cursor;
    }

    /**
     * The script's top level: its header and its blocks (not yet run).
     *
     * @throws NotLiteral when a statement is not a literal DSL call
     */
    public ScriptDeclarations declare() {
        ScriptDeclarations declarations = ScriptDeclarations.create(cursor);
        for (LiteralCall call : calls) {
            at(call, () -> topLevel(declarations, new LiteralArguments(call)));
        }
        declarations.seal();
        return declarations;
    }

    private void topLevel(ScriptDeclarations declarations, LiteralArguments call) {
        switch (call.name()) {
            case "revision" -> declarations.revision(call.only().string(0));
            case "downRevision" -> declarations.downRevisions(call.only().ids(false));
            case "branchLabels" -> declarations.branchLabels(call.only().ids(true));
            case "dependsOn" -> declarations.dependsOn(call.only().ids(true));
            case "message" -> declarations.message(call.only().count(1).nullableString(0));
            case "transactional" -> declarations.transactional(call.only().count(1).flag(0));
            case "upgrade" -> declarations.block(Block.Kind.UPGRADE, operations(call.count(0).block()));
            case "downgrade" -> declarations.block(Block.Kind.DOWNGRADE, operations(call.count(0).block()));
            case "change" -> declarations.block(Block.Kind.CHANGE, operations(call.count(0).block()));
            default -> throw call.unknown();
        }
    }

    private Consumer<OperationsSpec> operations(List<LiteralCall> block) {
        return spec -> block.forEach(call -> at(call, () -> operation(spec, new LiteralArguments(call))));
    }

    private void operation(OperationsSpec ops, LiteralArguments call) {
        switch (call.name()) {
            case "createTable" -> ops.createTableFrom(table(call.noNamed().count(1).string(0), call.block()));
            case "dropTable" -> {
                String name = call.noNamed().count(1).string(0);
                if (call.hasBlock()) {
                    ops.dropTableFrom(table(name, call.block()));
                } else {
                    ops.dropTable(name);
                }
            }
            case "renameTable" -> ops.renameTable(call.only().count(2).string(0), call.string(1));
            case "addColumn" -> ops.addColumnFrom(call.noNamed().count(3).string(0),
                    column(call.string(1), call.type(2), call.optionalBlock()));
            case "dropColumn" -> {
                if (call.noNamed().positional() == 2 && !call.hasBlock()) {
                    ops.dropColumn(call.string(0), call.string(1));
                } else {
                    ops.dropColumnFrom(call.count(3).string(0),
                            column(call.string(1), call.type(2), call.optionalBlock()));
                }
            }
            case "renameColumn" -> ops.renameColumn(call.only().count(3).string(0), call.string(1), call.string(2));
            case "alterColumn" -> {
                AlterColumnSpec alter = new AlterColumnSpec();
                run(call.count(2).block(), call2 -> alterColumn(alter, call2));
                ops.alterColumnFrom(call.string(0), call.string(1), alter);
            }
            case "createIndex" -> ops.createIndex(call.noBlock().named(Map.of("unique", Boolean.class,
                    "where", String.class), Set.of()), call.atLeast(2).string(0), call.string(1), call.strings(2));
            case "dropIndex" -> {
                if (call.noBlock().positional() == 1 && !call.hasNamed()) {
                    ops.dropIndex(call.string(0));
                } else {
                    ops.dropIndex(call.named(Map.of("unique", Boolean.class, "where", String.class), Set.of()),
                            call.atLeast(2).string(0), call.string(1), call.strings(2));
                }
            }
            case "addPrimaryKey" -> ops.addPrimaryKey(call.noBlock().named(Map.of("name", String.class), Set.of()),
                    call.atLeast(1).string(0), call.strings(1));
            case "addUniqueConstraint" -> ops.addUniqueConstraint(call.noBlock().named(Map.of("name", String.class),
                    Set.of()), call.atLeast(1).string(0), call.strings(1));
            case "addCheckConstraint" -> {
                if (call.only().positional() == 2) {
                    ops.addCheckConstraint(call.string(0), call.string(1));
                } else {
                    ops.addCheckConstraint(call.count(3).string(0), call.string(1), call.string(2));
                }
            }
            case "addForeignKey" -> ops.addForeignKey(call.noBlock().named(FOREIGN_KEY, Set.of("references", "columns")),
                    call.atLeast(1).string(0), call.strings(1));
            case "dropConstraint" -> ops.dropConstraint(call.only().count(2).string(0), call.string(1));
            case "createSequence" -> {
                if (call.only().positional() == 1) {
                    ops.createSequence(call.string(0));
                } else {
                    ops.createSequence(call.count(3).string(0), call.number(1), call.number(2));
                }
            }
            case "dropSequence" -> {
                if (call.only().positional() == 1) {
                    ops.dropSequence(call.string(0));
                } else {
                    ops.dropSequence(call.count(3).string(0), call.number(1), call.number(2));
                }
            }
            case "createView" -> ops.createView(call.only().count(2).string(0), call.string(1));
            case "dropView" -> {
                if (call.only().positional() == 1) {
                    ops.dropView(call.string(0));
                } else {
                    ops.dropView(call.count(2).string(0), call.string(1));
                }
            }
            case "sql" -> sql(ops, call.noBlock());
            case "insert" -> ops.insert(call.only().count(2).string(0), call.rows(1));
            case "update" -> ops.update(call.noBlock().named(Map.of("set", Map.class, "where", Map.class),
                    Set.of("set", "where")), call.count(1).string(0));
            case "delete" -> ops.delete(call.noBlock().named(Map.of("where", Map.class), Set.of("where")),
                    call.count(1).string(0));
            default -> throw call.unknown();
        }
    }

    private static final Map<String, Class<?>> FOREIGN_KEY = Map.of("references", String.class, "columns", List.class,
            "onDelete", ReferentialAction.class, "onUpdate", ReferentialAction.class, "name", String.class);

    private void sql(OperationsSpec ops, LiteralArguments call) {
        if (!call.hasNamed()) {
            Object only = call.count(1).value(0);
            if (only instanceof String text) {
                ops.sql(text);
            } else {
                ops.sql(call.dialectMap(only));
            }
        } else if (call.positional() == 0) {
            ops.sql(call.dialectMap(call.namedMap()));
        } else {
            Map<String, ?> options = call.named(Map.of("reverse", Object.class), Set.of());
            Object sql = call.count(1).value(0);
            if (sql instanceof String text) {
                ops.sql(options, text);
            } else {
                ops.sql(options, call.dialectMap(sql));
            }
        }
    }

    private TableSpec table(String name, List<LiteralCall> block) {
        TableSpec table = new TableSpec(name);
        run(block, call -> tableMember(table, call));
        return table;
    }

    private void tableMember(TableSpec table, LiteralArguments call) {
        switch (call.name()) {
            case "column" -> {
                List<LiteralCall> block = call.noNamed().count(2).optionalBlock();
                table.columnFrom(call.string(0), call.type(1),
                        block == null ? null : column -> run(block, c -> columnMember(column, c)));
            }
            case "primaryKey" -> table.primaryKey(call.noBlock().named(Map.of("name", String.class), Set.of()),
                    call.strings(0));
            case "unique" -> table.unique(call.noBlock().named(Map.of("name", String.class), Set.of()), call.strings(0));
            case "check" -> {
                if (call.only().positional() == 1) {
                    table.check(call.string(0));
                } else {
                    table.check(call.count(2).string(0), call.string(1));
                }
            }
            case "foreignKey" -> table.foreignKey(call.noBlock().named(FOREIGN_KEY, Set.of("references", "columns")),
                    call.strings(0));
            case "index" -> table.index(call.noBlock().named(Map.of("name", String.class, "unique", Boolean.class,
                    "where", String.class), Set.of()), call.strings(0));
            default -> throw call.unknown();
        }
    }

    private ColumnSpec column(String name, ColumnType type, List<LiteralCall> block) {
        ColumnSpec column = new ColumnSpec(name, type);
        if (block != null) {
            run(block, call -> columnMember(column, call));
        }
        return column;
    }

    private void columnMember(ColumnSpec column, LiteralArguments call) {
        switch (call.name()) {
            case "primaryKey" -> {
                call.only().count(0);
                column.primaryKey();
            }
            case "notNull" -> {
                call.only().count(0);
                column.notNull();
            }
            case "unique" -> {
                call.only().count(0);
                column.unique();
            }
            case "identity", "autoIncrement" -> {
                call.only().count(0);
                column.autoIncrement();
            }
            case "defaultValue" -> column.defaultValue(call.only().count(1).value(0));
            case "defaultExpression" -> column.defaultExpression(call.only().count(1).string(0));
            case "references" -> column.references(call.noBlock().named(Map.of("onDelete", ReferentialAction.class,
                    "onUpdate", ReferentialAction.class), Set.of()), call.count(2).string(0), call.string(1));
            default -> throw call.unknown();
        }
    }

    private void alterColumn(AlterColumnSpec alter, LiteralArguments call) {
        switch (call.name()) {
            case "dropDefault" -> {
                call.only().count(0);
                alter.dropDefault();
            }
            case "using" -> alter.using(call.only().count(1).string(0));
            case "previous" -> {
                ColumnStateSpec was = new ColumnStateSpec();
                run(call.count(0).block(), c -> columnState(was, c));
                alter.previousFrom(was);
            }
            default -> columnState(alter, call);
        }
    }

    private void columnState(ColumnStateSpec state, LiteralArguments call) {
        switch (call.name()) {
            case "type" -> state.type(call.only().count(1).type(0));
            case "nullable" -> state.nullable(call.only().count(1).flag(0));
            case "defaultValue" -> state.defaultValue(call.only().count(1).value(0));
            case "defaultExpression" -> state.defaultExpression(call.only().count(1).string(0));
            case "noDefault" -> {
                call.only().count(0);
                state.noDefault();
            }
            default -> throw call.unknown();
        }
    }

    private void run(List<LiteralCall> block, Consumer<LiteralArguments> member) {
        block.forEach(call -> at(call, () -> member.accept(new LiteralArguments(call))));
    }

    /** Runs one call with the cursor on its line, so the operations it records carry that line. */
    private void at(LiteralCall call, Runnable action) {
        int outer = cursor.line;
        cursor.line = call.line();
        try {
            action.run();
        } finally {
            cursor.line = outer;
        }
    }

    private static final class Cursor implements CallLocator {
        private final String file;
        private int line;

        Cursor(String file) {
            this.file = file;
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public SourceLocation here() {
            return new SourceLocation(file, line);
        }

        /**
         * Only a rough answer (the call running when it failed): a literal script that fails is compiled again, and
         * the compiler's error, with its own line, is the one reported.
         */
        @Override
        public SourceLocation of(Throwable failure) {
            return here();
        }
    }
}
