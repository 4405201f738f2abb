package dev.retort.dsl;

import dev.retort.operation.Operation;
import dev.retort.operation.SourceLocation;
import java.util.List;
import java.util.function.Consumer;

/** One {@code upgrade}, {@code downgrade} or {@code change} block of a script, not yet run. */
public final class Block {

    public enum Kind {
        UPGRADE, DOWNGRADE, CHANGE;

        /** How the script spells it, such as {@code upgrade { }}. */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT) + " { }";
        }
    }

    private final Kind kind;
    private final Consumer<OperationsSpec> body;
    private final SourceLocation location;
    private final CallLocator locator;

    Block(Kind kind, Consumer<OperationsSpec> body, SourceLocation location, CallLocator locator) {
        this.kind = kind;
        this.body = body;
        this.location = location;
        this.locator = locator;
    }

    public Kind kind() {
        return kind;
    }

    public SourceLocation location() {
        return location;
    }

    /**
     * Runs the block against a fresh {@link OperationsSpec}: its operations in order, each with its script line.
     * Exceptions from the block propagate; {@link CallLocator#of(Throwable)} finds their line.
     */
    public List<Operation> operations() {
        OperationsSpec spec = new OperationsSpec(locator);
        body.accept(spec);
        return spec.finish();
    }
}
