/**
 * The state store SPI: where the engine keeps watermarks, links (cross-references of native ids
 * with the last synced value of each side), the inbox of captured changes, create intents,
 * quarantine and leases. {@link io.github.tandemsync.engine.state.StateStores} builds the
 * implementations Tandem ships: in-memory (tests), SQLite (the embedded default) and PostgreSQL
 * (several nodes sharing one store).
 *
 * <p>A store applies every {@link io.github.tandemsync.engine.state.StateChanges} atomically and
 * only for the current holder of the flow's {@link io.github.tandemsync.engine.state.Lease}: that
 * fencing is what keeps two engines from corrupting each other's progress.
 */
@NullMarked
package io.github.tandemsync.engine.state;

import org.jspecify.annotations.NullMarked;
