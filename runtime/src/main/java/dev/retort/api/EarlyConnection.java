package dev.retort.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A connection opened on a thread of its own while the caller reads the scripts. Opening is mostly waiting (a
 * server's handshake) or, for an H2 file, loading the schema, and reading thousands of script headers is the other
 * half of a command that has nothing to do; on two cores they overlap. Failures to open surface from
 * {@link #take()}, exactly as opening on the caller's thread would have thrown them.
 */
final class EarlyConnection {

    private final FutureTask<Connection> opening;

    EarlyConnection(Callable<Connection> open) {
        this.opening = new FutureTask<>(open);
        Thread thread = new Thread(opening, "retort-connect");
        thread.setDaemon(true);
        thread.start();
    }

    /** The connection, once open; the caller owns it from now on. */
    Connection take() {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("opening a connection failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            throw new RetortException(ErrorCode.CONNECTION, "interrupted while connecting");
        }
    }

    /** Not needed after all (reading the scripts failed): closed when it opens, without waiting for it. */
    void discard() {
        Thread closer = new Thread(() -> {
            try {
                opening.get().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | SQLException | RuntimeException ignored) {
                // it never opened, or closing failed: nothing is held either way
            }
        }, "retort-connect-discard");
        closer.setDaemon(true);
        closer.start();
    }
}
