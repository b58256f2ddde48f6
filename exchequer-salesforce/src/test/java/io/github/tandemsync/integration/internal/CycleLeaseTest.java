package io.github.tandemsync.integration.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import org.junit.jupiter.api.Test;

/** One node at a time runs the cycle; a node that closes gives the cycle up at once. */
class CycleLeaseTest {

  @Test
  void oneNodeAtATimeAndClosingFreesTheCycle() {
    StateStore store = StateStores.inMemory();
    CycleLease a = new CycleLease(store, "node-a");
    CycleLease b = new CycleLease(store, "node-b");

    assertTrue(a.take());
    assertFalse(b.take(), "node b skips while node a runs its cycle");
    assertTrue(a.renew("contacts"));

    a.release();
    assertFalse(a.renew("quotes"), "a released lease is not renewed: the cycle stops there");
    assertTrue(b.take(), "released: the next node runs the cycle");
    assertFalse(a.take());
    b.release();

    assertTrue(a.take());
    a.close();
    assertTrue(b.take(), "closing gave the lease up");
    assertFalse(a.take(), "a closed node takes no more cycles");
    assertFalse(a.renew("accounts"));
  }

  @Test
  void aCycleLeaseTakenOverByAnotherNodeStopsTheFirstAtItsNextFlow() {
    StateStore store = StateStores.inMemory();
    CycleLease a = new CycleLease(store, "node-a");
    assertTrue(a.take());
    store.releaseLease(store.acquireLease(CycleLease.NAME, "node-a", java.time.Duration.ofMinutes(1)).orElseThrow());
    assertTrue(new CycleLease(store, "node-b").take(), "node b took the cycle over (a's lease lapsed)");
    assertFalse(a.renew("contacts"), "node a stops its cycle instead of running later flows");
  }
}
