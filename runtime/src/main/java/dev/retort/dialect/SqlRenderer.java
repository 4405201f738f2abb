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

    /**
     * As {@link #render}, and where the operation writes row values ({@code InsertRows}, {@code UpdateRows},
     * {@code DeleteRows}), each statement also carries those values as JDBC parameters
     * ({@link SqlStatement#parameters()}). For Retort's own tables, written once per step: the columns' types are
     * known, so a bound value means what its literal means.
     */
    default List<Statement> renderWithParameters(Operation operation) {
        return render(operation);
    }
}
