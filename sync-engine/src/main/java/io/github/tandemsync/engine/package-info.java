/**
 * The sync engine: {@link io.github.tandemsync.engine.SyncEngine} runs
 * {@link io.github.tandemsync.engine.Flow}s, each keeping one entity type in step between two
 * connectors, with field-level conflict policies, echo suppression, quarantine and durable state.
 */
@NullMarked
package io.github.tandemsync.engine;

import org.jspecify.annotations.NullMarked;
