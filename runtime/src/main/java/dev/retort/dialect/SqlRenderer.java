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
     * {@code DeleteRows}), each statement also carries its string and whole-number values as JDBC parameters
     * ({@link SqlStatement#parameters()}). For Retort's own tables, written once per step, whose columns are
     * character and integer columns: bound into a column of another type (a date, a UUID), a string would not mean
     * what its literal means on PostgreSQL, so migrations' own rows are not rendered this way.
     */
    default List<Statement> renderWithParameters(Operation operation) {
        return render(operation);
    }
}
