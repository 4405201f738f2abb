/**
 * Migration operations as immutable data. Nothing here renders SQL or touches JDBC: dialects render, sinks execute.
 */
package dev.retort.operation;
