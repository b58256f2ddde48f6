/**
 * The connector SPI: what a system (CRM, ERP, anything with records) implements to take part in a
 * sync. A {@link io.github.tandemsync.core.spi.Connector} offers, per entity type, a
 * {@link io.github.tandemsync.core.spi.ChangeReader} (pages of changes after an opaque
 * {@link io.github.tandemsync.core.spi.Watermark}) and a
 * {@link io.github.tandemsync.core.spi.RecordWriter} (batches of upserts and deletes with one
 * outcome per record).
 *
 * <p>Evolution rule: new methods arrive as {@code default} methods, so connectors written against
 * an older version keep compiling and running.
 */
@NullMarked
package io.github.tandemsync.core.spi;

import org.jspecify.annotations.NullMarked;
