package dev.retort.dsl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What running a {@link MigrationScript} declared: its header values and its blocks (not yet run). Rules that only
 * the order of calls can show are checked as the calls happen, so the failure's stack points at the line.
 */
public final class ScriptDeclarations {

    private final CallLocator locator;
    private final Set<String> declared = new LinkedHashSet<>();
    private final Map<Block.Kind, Block> blocks = new EnumMap<>(Block.Kind.class);
    private String revision;
    private List<String> downRevisions = List.of();
    private List<String> branchLabels = List.of();
    private List<String> dependsOn = List.of();
    private String message = "";
    private boolean transactional = true;
    private boolean sealed;

    private ScriptDeclarations(CallLocator locator) {
        this.locator = locator;
    }

    /** Prepares a script to run: its declarations and operations will be located with this locator. */
    public static ScriptDeclarations attach(MigrationScript script, SourceLocator locator) {
        script.declarations = new ScriptDeclarations(locator);
        return script.declarations;
    }

    /** Declarations made without a script object: a literal script read without Groovy. */
    static ScriptDeclarations create(CallLocator locator) {
        return new ScriptDeclarations(locator);
    }

    /** What the script declared so far (for a script never attached, located in {@code <script>}). */
    public static ScriptDeclarations of(MigrationScript script) {
        if (script.declarations == null) {
            attach(script, new SourceLocator("<script>", script.getClass().getName()));
        }
        return script.declarations;
    }

    /** After the script has run: header and block calls from now on are errors (they came from inside a block). */
    public void seal() {
        sealed = true;
    }

    public String revision() {
        return revision;
    }

    public List<String> downRevisions() {
        return downRevisions;
    }

    public List<String> branchLabels() {
        return branchLabels;
    }

    public List<String> dependsOn() {
        return dependsOn;
    }

    public String message() {
        return message;
    }

    public boolean transactional() {
        return transactional;
    }

    public Optional<Block> block(Block.Kind kind) {
        return Optional.ofNullable(blocks.get(kind));
    }

    void revision(String id) {
        declare("revision");
        revision = id;
    }

    void downRevisions(List<String> ids) {
        declare("downRevision");
        downRevisions = copy(ids);
    }

    void branchLabels(List<String> labels) {
        declare("branchLabels");
        branchLabels = copy(labels);
    }

    void dependsOn(List<String> ids) {
        declare("dependsOn");
        dependsOn = copy(ids);
    }

    void message(String text) {
        declare("message");
        message = text == null ? "" : text;
    }

    void transactional(boolean value) {
        declare("transactional");
        transactional = value;
    }

    void block(Block.Kind kind, Consumer<OperationsSpec> body) {
        String spelling = kind.spelling();
        if (sealed) {
            throw new IllegalStateException(spelling + " must be at the top level of the script, not inside a block");
        }
        if (body == null) {
            throw new IllegalArgumentException(spelling + " needs a block");
        }
        if (blocks.containsKey(kind)) {
            throw new IllegalStateException(spelling + " is declared twice");
        }
        boolean change = kind == Block.Kind.CHANGE;
        if (change ? !blocks.isEmpty() : blocks.containsKey(Block.Kind.CHANGE)) {
            throw new IllegalStateException("change { } cannot be combined with upgrade { } or downgrade { }:"
                    + " change { } derives the downgrade by reversing its operations");
        }
        blocks.put(kind, new Block(kind, body, locator.here(), locator));
    }

    private void declare(String keyword) {
        if (sealed || !blocks.isEmpty()) {
            throw new IllegalStateException(keyword + " belongs in the header, before upgrade, downgrade or change");
        }
        if (!declared.add(keyword)) {
            throw new IllegalStateException(keyword + " is declared twice");
        }
    }

    private static List<String> copy(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof CharSequence)) {
                throw new IllegalArgumentException("expected revision ids or labels as strings, got " + values);
            }
            copy.add(value.toString());
        }
        return List.copyOf(copy);
    }
}
