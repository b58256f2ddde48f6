package io.github.tandemsync.engine.internal;

import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.RetrySettings;
import io.github.tandemsync.engine.SyncListener;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link io.github.tandemsync.engine.SyncEngine.Builder} collected.
 *
 * @param connectors connectors by name
 * @param flows flows in registration order
 * @param listeners listeners
 * @param store the state store
 * @param originTag this installation's origin tag
 * @param nodeId this node's id for leases
 * @param clock the clock
 * @param retry in-run retry of transient write failures
 * @param leaseTtl lease duration without renewal
 * @param leaseWait how long runOnce waits for a lease held elsewhere
 */
public record EngineSettings(
    Map<String, Connector> connectors,
    List<Flow<?>> flows,
    List<SyncListener> listeners,
    StateStore store,
    String originTag,
    String nodeId,
    Clock clock,
    RetrySettings retry,
    Duration leaseTtl,
    Duration leaseWait) {}
