/**
 * An in-process Exchequer (Advanced's UK ERP) for tests, demos and partners: an embedded H2
 * database with the Exchequer SQL-edition layout and a deterministic demo company, an emulation
 * of the COM Toolkit that owns every write (numbering, posting, history, stock levels,
 * validation codes), a simulator of Tandem's Toolkit bridge (HTTP protocol v1) and a simulator of
 * the Exchequer Importer's CSV drop folder.
 *
 * <p>Start with {@link io.github.tandemsync.testkit.exchequer.ExchequerSandbox#builder()}.
 * Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.tandemsync.testkit.exchequer;

import org.jspecify.annotations.NullMarked;
