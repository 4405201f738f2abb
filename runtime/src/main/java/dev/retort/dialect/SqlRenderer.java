package dev.retort.dialect;

import dev.retort.operation.Operation;

import java.util.List;

/** Turns operations into statements for one dialect. The only place SQL text is made. */
public interface SqlRenderer {

    /**
     * The statements for one operation, each carrying the operation's location.
     *
     * @throws UnsupportedOperationException-like {@link RenderException} naming the operation's file:line when the
     *         dialect cannot express it
     */
    List<Statement> render(Operation operation);
}
