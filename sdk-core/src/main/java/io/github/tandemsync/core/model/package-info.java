/**
 * The canonical business model: immutable records for every entity a CRM and an ERP exchange, in
 * system-neutral words ({@code onStop}, not {@code acAccStatus}). Connectors map their native
 * records to and from these types; the engine diffs and merges them field by field.
 *
 * <p>Conventions: money is {@link io.github.tandemsync.core.model.Money} (a {@code BigDecimal} that
 * keeps its scale, plus an ISO 4217 currency); quantities are {@code BigDecimal} and keep their
 * decimals; dates are {@code LocalDate}, instants {@code Instant}; optional fields are
 * {@code Optional}, lists are never null; every record has an {@code extensions} map for bespoke
 * fields. Builders and constructors reject a missing required field with an
 * {@link io.github.tandemsync.core.InvalidRecordException} naming the entity and the field.
 */
@NullMarked
package io.github.tandemsync.core.model;

import org.jspecify.annotations.NullMarked;
