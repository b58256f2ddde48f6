/**
 * The write side of the Exchequer connector. Exchequer's tables must never be written with SQL
 * (counters, posting, history and validation live in the Toolkit), so every write goes through an
 * {@link io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway}: the
 * {@link io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway} (HTTP client of Tandem's
 * Toolkit bridge protocol, synchronous) or the
 * {@link io.github.tandemsync.exchequer.gateway.ImporterCsvGateway} (CSV files for the Exchequer
 * Importer, asynchronous). Records travel as
 * {@link io.github.tandemsync.exchequer.gateway.ToolkitRecord}s keyed by COM Toolkit property names.
 */
@NullMarked
package io.github.tandemsync.exchequer.gateway;

import org.jspecify.annotations.NullMarked;
