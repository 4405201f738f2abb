package dev.retort.execution;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection that the caller closes: a DataSource, or the driver manager for a URL. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
