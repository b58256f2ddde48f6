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
 *
 * <p>Records compare with {@code equals}, and {@code BigDecimal.equals} includes the scale:
 * {@code 12.50} and {@code 12.5} differ. The scale carries a source's number of decimals, so a
 * connector sets it deliberately (for example to the field's declared scale) when it reads, or the
 * engine sees a change that is not one. Where every seed-001 field lives is listed in
 * {@code docs/model-field-reference.md}.
 */
@NullMarked
package io.github.tandemsync.core.model;

import org.jspecify.annotations.NullMarked;
