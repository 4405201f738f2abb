/**
 * The Groovy authoring surface of migrations: {@link dev.retort.dsl.MigrationScript}, the base class of every script,
 * the typed spec objects its blocks delegate to ({@link dev.retort.dsl.OperationsSpec},
 * {@link dev.retort.dsl.TableSpec}, {@link dev.retort.dsl.ColumnSpec}, {@link dev.retort.dsl.AlterColumnSpec}), the
 * {@link dev.retort.dsl.Types} vocabulary, and what new revision files look like
 * ({@link dev.retort.dsl.RevisionTemplate}, {@link dev.retort.dsl.RevisionIds}).
 */
package dev.retort.dsl;
