package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} must have, run against each implementation by a
 * subclass. {@code InMemoryStateStore} is the reference: a store passes when it is
 * indistinguishable from it through the SPI.
 *
 * <p>Each test starts with an empty store in which node A holds the lease of {@link #FLOW}.
 */
public abstract class StateStoreContract {

  protected static final String FLOW = "accounts";
  protected static final String OTHER_FLOW = "contacts";
  protected static final String NODE_A = "node-a";
  protected static final String NODE_B = "node-b";

  protected static final Instant T1 = Instant.parse("2026-03-01T10:15:30.123456789Z");
  protected static final Instant T2 = Instant.parse("2026-03-02T08:00:00.000000001Z");

  protected StateStore store;
  /** Node A's lease of {@link #FLOW}. */
  protected Lease lease;

  /** A new, empty store. */
  protected abstract StateStore openStore();

  /** The store's current time (the database's clock for shared stores). */
  protected abstract Instant storeNow();

  /** A lease time to live long enough that a lease cannot lapse during a step of a test. */
  protected abstract Duration ttl();

  /** Lets the store's time pass beyond {@code instant}. */
  protected abstract void passBeyond(Instant instant);

  @BeforeEach
  void openStoreAndTakeTheLease() {
    store = openStore();
    lease = store.acquireLease(FLOW, NODE_A, ttl()).orElseThrow();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ---- helpers ----

  protected void commit(Consumer<StateChanges.Builder> operations) {
    StateChanges.Builder builder = StateChanges.forFlow(FLOW);
    operations.accept(builder);
    store.commit(lease, builder.build());
  }

  protected static StagedChange upsert(Side side, String id, String json) {
    return new StagedChange(side, id, Change.Kind.UPSERT, Optional.of(json), Optional.of(T1), Optional.of("v7"),
        Optional.of("client=tandem"));
  }

  protected static StagedChange delete(Side side, String id) {
    return new StagedChange(side, id, Change.Kind.DELETE, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  protected static SideState side(String id, String snapshot) {
    return new SideState(id, snapshot, "h" + Integer.toHexString(snapshot.hashCode()), Optional.of(T1), false);
  }

  protected static LinkRecord link(String leftId, String rightId) {
    return new LinkRecord(FLOW, side(leftId, "{\"name\":\"" + leftId + "\"}"), side(rightId, "{\"Name\":\"" + rightId + "\"}"), T2);
  }

  protected static Intent intent(Side target, String sourceId, String key) {
    return new Intent(FLOW, target, sourceId, key, T1);
  }

  protected static QuarantineEntry parked(Side side, String sourceId, String code) {
    return new QuarantineEntry(FLOW, side, sourceId, Optional.of("T-" + sourceId), Optional.of(upsert(side, sourceId, "{\"n\":1}")),
        code, "Account " + sourceId + " field 'VATCode' is not a valid VAT code", Optional.of("VATCode"), 1, T2);
  }

  /** Everything the atomicity tests may touch in {@code flow}, for before/after comparison. */
  protected Map<String, Object> visibleState(String flow) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("watermark s1", store.watermark(flow, "s1"));
    state.put("watermark s2", store.watermark(flow, "s2"));
    state.put("inbox", store.inbox(flow, 0, 1000));
    state.put("inbox size", store.inboxSize(flow));
    state.put("links by left", store.links(flow, Side.LEFT, "", 1000));
    state.put("links by right", store.links(flow, Side.RIGHT, "", 1000));
    state.put("intent L", store.intent(flow, Side.LEFT, "src-1"));
    state.put("intent R", store.intent(flow, Side.RIGHT, "src-1"));
    state.put("quarantine", store.quarantine(flow, 0, 1000));
    state.put("quarantine size", store.quarantineSize(flow));
    return state;
  }

  /** A commit touching every kind of state, to check all-or-nothing against. */
  protected void commitSomeOfEverything() {
    commit(c -> c.watermark("s1", Watermark.of("w1"))
        .stage(upsert(Side.LEFT, "a1", "{\"v\":1}"))
        .stage(delete(Side.RIGHT, "b1"))
        .putLink(link("a1", "b1"))
        .putIntent(intent(Side.RIGHT, "src-1", "k1"))
        .quarantine(parked(Side.LEFT, "q1", "INVALID_FIELD")));
  }

  protected static void assertBetween(Instant from, Instant actual, Instant to) {
    assertFalse(actual.isBefore(from), () -> actual + " is before " + from);
    assertFalse(actual.isAfter(to), () -> actual + " is after " + to);
  }

  // ---- leases ----

  @Test
  void firstLeaseOfAFlowHasTokenOneAndLastsTheTtl() {
    Instant before = storeNow();
    Lease first = store.acquireLease("orders", NODE_A, ttl()).orElseThrow();
    Instant after = storeNow();
    assertEquals("orders", first.flow());
    assertEquals(NODE_A, first.owner());
    assertEquals(1, first.token());
    assertBetween(before.plus(ttl()).minusNanos(1000), first.expiresAt(), after.plus(ttl()));
  }

  @Test
  void aHeldLeaseIsRefusedToAnotherOwnerUntilItExpires() {
    assertEquals(Optional.empty(), store.acquireLease(FLOW, NODE_B, ttl()));
    passBeyond(lease.expiresAt());
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    assertEquals(NODE_B, taken.owner());
  }

  @Test
  void theHolderReacquiresItsLeaseWithTheSameTokenAndALaterExpiry() {
    Lease again = store.acquireLease(FLOW, NODE_A, ttl().multipliedBy(2)).orElseThrow();
    assertEquals(lease.token(), again.token());
    assertEquals(NODE_A, again.owner());
    assertTrue(again.expiresAt().isAfter(lease.expiresAt()));
    commit(c -> c.watermark("s1", Watermark.of("still mine")));
    assertEquals(Optional.of(Watermark.of("still mine")), store.watermark(FLOW, "s1"));
  }

  @Test
  void takingOverAnExpiredLeaseIncrementsTheToken() {
    passBeyond(lease.expiresAt());
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    assertEquals(lease.token() + 1, taken.token());
    passBeyond(taken.expiresAt());
    Lease back = store.acquireLease(FLOW, NODE_A, ttl()).orElseThrow();
    assertEquals(taken.token() + 1, back.token());
  }

  @Test
  void renewingExtendsTheLeaseAndKeepsTheToken() {
    Lease renewed = store.renewLease(lease, ttl().multipliedBy(3)).orElseThrow();
    assertEquals(lease.token(), renewed.token());
    assertEquals(NODE_A, renewed.owner());
    assertTrue(renewed.expiresAt().isAfter(lease.expiresAt()));
    // the renewed lease is still current for commits, and so is the original (same owner and token)
    store.commit(renewed, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("a")).build());
    store.commit(lease, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("b")).build());
    assertEquals(Optional.of(Watermark.of("b")), store.watermark(FLOW, "s1"));
  }

  @Test
  void aLeaseThatLapsedButWasNotTakenOverCanStillBeRenewedAndCommitted() {
    // fencing is by owner and token, not by time: nobody else made progress in between
    passBeyond(lease.expiresAt());
    commit(c -> c.watermark("s1", Watermark.of("late")));
    assertEquals(Optional.of(Watermark.of("late")), store.watermark(FLOW, "s1"));
    Lease renewed = store.renewLease(lease, ttl()).orElseThrow();
    assertEquals(lease.token(), renewed.token());
    assertEquals(Optional.empty(), store.acquireLease(FLOW, NODE_B, ttl()));
  }

  @Test
  void aLostLeaseCannotBeRenewed() {
    passBeyond(lease.expiresAt());
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    assertEquals(Optional.empty(), store.renewLease(lease, ttl()));
    assertEquals(Optional.empty(), store.renewLease(new Lease(FLOW, NODE_A, taken.token(), taken.expiresAt()), ttl()));
    assertEquals(Optional.empty(), store.renewLease(new Lease("never-leased", NODE_A, 1, taken.expiresAt()), ttl()));
    // the holder is unaffected
    assertEquals(taken.token(), store.renewLease(taken, ttl()).orElseThrow().token());
  }

  @Test
  void releasingLetsAnotherOwnerInAtOnceWithAHigherToken() {
    store.releaseLease(lease);
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    assertEquals(lease.token() + 1, taken.token());
    assertThrows(LeaseLostException.class, () -> commit(c -> c.watermark("s1", Watermark.of("stale"))));
  }

  @Test
  void reacquiringAReleasedLeaseFencesTheLeasesHandedOutBefore() {
    store.releaseLease(lease);
    Lease again = store.acquireLease(FLOW, NODE_A, ttl()).orElseThrow();
    assertEquals(lease.token() + 1, again.token(), "a new holding, even by the same owner, gets a new token");
    assertThrows(LeaseLostException.class, () -> commit(c -> c.watermark("s1", Watermark.of("from the previous run"))));
    store.commit(again, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("current")).build());
    assertEquals(Optional.of(Watermark.of("current")), store.watermark(FLOW, "s1"));
  }

  @Test
  void reacquiringAnExpiredLeaseBySameOwnerAlsoGetsANewToken() {
    passBeyond(lease.expiresAt());
    Lease again = store.acquireLease(FLOW, NODE_A, ttl()).orElseThrow();
    assertEquals(lease.token() + 1, again.token());
  }

  @Test
  void releasingALostLeaseChangesNothing() {
    passBeyond(lease.expiresAt());
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    store.releaseLease(lease);
    assertEquals(Optional.empty(), store.acquireLease(FLOW, "node-c", ttl()));
    store.commit(taken, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("b")).build());
    assertEquals(Optional.of(Watermark.of("b")), store.watermark(FLOW, "s1"));
  }

  @Test
  void leasesArePerFlow() {
    Lease other = store.acquireLease(OTHER_FLOW, NODE_B, ttl()).orElseThrow();
    assertEquals(1, other.token());
    assertEquals(Optional.empty(), store.acquireLease(OTHER_FLOW, NODE_A, ttl()));
    assertEquals(Optional.empty(), store.acquireLease(FLOW, NODE_B, ttl()));
    assertThrows(LeaseLostException.class,
        () -> store.commit(lease, StateChanges.forFlow(OTHER_FLOW).watermark("s1", Watermark.of("x")).build()));
    store.commit(other, StateChanges.forFlow(OTHER_FLOW).watermark("s1", Watermark.of("y")).build());
    assertEquals(Optional.of(Watermark.of("y")), store.watermark(OTHER_FLOW, "s1"));
    assertEquals(Optional.empty(), store.watermark(FLOW, "s1"));
  }

  // ---- fencing ----

  @Test
  void aStaleOwnersCommitIsRejectedAndAppliesNothing() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    passBeyond(lease.expiresAt());
    Lease taken = store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();

    LeaseLostException lost = assertThrows(LeaseLostException.class, () -> commit(c -> c
        .watermark("s1", Watermark.of("stale"))
        .stage(upsert(Side.LEFT, "a2", "{}"))
        .unstage(Side.LEFT, "a1", -1)
        .removeLink(Side.LEFT, "a1")
        .removeIntent(Side.RIGHT, "src-1")
        .release(Side.LEFT, "q1")));
    assertTrue(lost.getMessage().contains(FLOW), lost::getMessage);
    assertTrue(lost.isRetryable());
    assertEquals(before, visibleState(FLOW));

    store.commit(taken, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("new owner")).build());
    assertEquals(Optional.of(Watermark.of("new owner")), store.watermark(FLOW, "s1"));
  }

  @Test
  void commitsWithAForeignOrForgedLeaseAreRejected() {
    Map<String, Object> before = visibleState(FLOW);
    StateChanges changes = StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("x")).build();
    Lease otherFlow = store.acquireLease(OTHER_FLOW, NODE_A, ttl()).orElseThrow();
    assertThrows(LeaseLostException.class, () -> store.commit(otherFlow, changes));
    assertThrows(LeaseLostException.class,
        () -> store.commit(new Lease(FLOW, NODE_A, lease.token() + 1, lease.expiresAt()), changes));
    assertThrows(LeaseLostException.class,
        () -> store.commit(new Lease(FLOW, NODE_B, lease.token(), lease.expiresAt()), changes));
    assertThrows(LeaseLostException.class,
        () -> store.commit(new Lease("never-leased", NODE_A, 1, lease.expiresAt()),
            StateChanges.forFlow("never-leased").watermark("s1", Watermark.of("x")).build()));
    assertEquals(before, visibleState(FLOW));
    assertEquals(Optional.empty(), store.watermark("never-leased", "s1"));
  }

  @Test
  void anEmptyCommitIsFencedToo() {
    store.commit(lease, StateChanges.forFlow(FLOW).build());
    passBeyond(lease.expiresAt());
    store.acquireLease(FLOW, NODE_B, ttl()).orElseThrow();
    assertThrows(LeaseLostException.class, () -> store.commit(lease, StateChanges.forFlow(FLOW).build()));
  }

  // ---- atomicity ----

  @Test
  void aCommitFailingHalfWayAppliesNothing() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    // the fourth operation belongs to another flow (only a hand-built commit can hold one): the first three must not stay
    StateChanges broken = new StateChanges(FLOW, List.of(
        new StateChanges.PutWatermark("s2", Watermark.of("half")),
        new StateChanges.Stage(upsert(Side.RIGHT, "b9", "{}")),
        new StateChanges.PutLink(link("a9", "b9")),
        new StateChanges.PutIntent(new Intent(OTHER_FLOW, Side.LEFT, "src-2", "k8", Instant.parse("2026-05-01T09:00:00Z"))),
        new StateChanges.PutIntent(intent(Side.LEFT, "src-1", "k9"))));
    assertThrows(RuntimeException.class, () -> store.commit(lease, broken));
    assertEquals(before, visibleState(FLOW));
    // and the store works on
    commit(c -> c.watermark("s2", Watermark.of("after")));
    assertEquals(Optional.of(Watermark.of("after")), store.watermark(FLOW, "s2"));
  }

  // ---- watermarks ----

  @Test
  void watermarksArePerFlowAndStreamAndOverwrite() {
    assertEquals(Optional.empty(), store.watermark(FLOW, "left"));
    commit(c -> c.watermark("left", Watermark.of("2026-03-01T10:00:00Z|001A")).watermark("right", Watermark.initial()));
    assertEquals(Optional.of(Watermark.of("2026-03-01T10:00:00Z|001A")), store.watermark(FLOW, "left"));
    assertEquals(Optional.of(Watermark.initial()), store.watermark(FLOW, "right"));
    assertTrue(store.watermark(FLOW, "right").orElseThrow().isInitial());
    assertEquals(Optional.empty(), store.watermark(OTHER_FLOW, "left"));

    commit(c -> c.watermark("left", Watermark.of("one")).watermark("left", Watermark.of("two")));
    assertEquals(Optional.of(Watermark.of("two")), store.watermark(FLOW, "left"));
  }

  @Test
  void largeAndUnicodeWatermarksRoundTrip() {
    String big = "{\"pos\":\"" + "é€😀".repeat(20_000) + "\"}";
    commit(c -> c.watermark("stream ✓", Watermark.of(big)));
    assertEquals(Optional.of(Watermark.of(big)), store.watermark(FLOW, "stream ✓"));
  }

  // ---- inbox ----

  @Test
  void stagingAssignsGrowingSeqsAndTheInboxPagesInSeqOrder() {
    Instant before = storeNow();
    commit(c -> c.stage(upsert(Side.LEFT, "c", "{\"n\":3}")).stage(upsert(Side.RIGHT, "a", "{\"n\":1}")));
    commit(c -> c.stage(delete(Side.LEFT, "b")));
    Instant after = storeNow();

    List<InboxEntry> all = store.inbox(FLOW, 0, 10);
    assertEquals(List.of("c", "a", "b"), all.stream().map(e -> e.change().nativeId()).toList());
    assertTrue(all.get(0).seq() > 0);
    assertTrue(all.get(0).seq() < all.get(1).seq() && all.get(1).seq() < all.get(2).seq());
    for (InboxEntry entry : all) {
      assertEquals(FLOW, entry.flow());
      assertEquals(0, entry.attempts());
      assertEquals(Optional.empty(), entry.lastError());
      assertBetween(before, entry.stagedAt(), after);
    }
    assertEquals(3, store.inboxSize(FLOW));

    assertEquals(all.subList(0, 2), store.inbox(FLOW, 0, 2));
    assertEquals(all.subList(1, 3), store.inbox(FLOW, all.get(0).seq(), 2));
    assertEquals(List.of(), store.inbox(FLOW, all.get(2).seq(), 2));
    assertEquals(List.of(), store.inbox(FLOW, 0, 0));
    assertEquals(List.of(), store.inbox(OTHER_FLOW, 0, 10));
    assertEquals(0, store.inboxSize(OTHER_FLOW));
  }

  @Test
  void aStagedChangeRoundTripsEveryField() {
    StagedChange full = new StagedChange(Side.RIGHT, "0015g00000Ab1ZQAAZ", Change.Kind.UPSERT,
        Optional.of("{\"name\":\"Müller & Söhne Ltd 😀\",\"credit\":\"1234.50\"}"), Optional.of(T1),
        Optional.of("2026-03-01T10:15:30.000+0000"), Optional.of("client=tandem-node-a"));
    StagedChange bare = delete(Side.LEFT, "CUST001");
    commit(c -> c.stage(full).stage(bare));
    assertEquals(full, store.inboxEntry(FLOW, Side.RIGHT, full.nativeId()).orElseThrow().change());
    assertEquals(bare, store.inboxEntry(FLOW, Side.LEFT, bare.nativeId()).orElseThrow().change());
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.LEFT, full.nativeId()));
    assertEquals(Optional.empty(), store.inboxEntry(OTHER_FLOW, Side.RIGHT, full.nativeId()));
  }

  @Test
  void restagingARecordReplacesItsEntryWithANewSeq() {
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{\"v\":1}")).stage(upsert(Side.LEFT, "b", "{}")));
    InboxEntry first = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow();
    commit(c -> c.defer(Side.LEFT, "a", first.seq(), "timeout"));
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{\"v\":2}")));

    InboxEntry second = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow();
    assertTrue(second.seq() > first.seq());
    assertEquals(Optional.of("{\"v\":2}"), second.change().valueJson());
    assertEquals(0, second.attempts());
    assertEquals(Optional.empty(), second.lastError());
    assertEquals(2, store.inboxSize(FLOW));
    // it moved behind b
    assertEquals(List.of("b", "a"), store.inbox(FLOW, 0, 10).stream().map(e -> e.change().nativeId()).toList());
  }

  @Test
  void theSameIdOnBothSidesIsTwoEntries() {
    commit(c -> c.stage(upsert(Side.LEFT, "42", "{\"l\":1}")).stage(upsert(Side.RIGHT, "42", "{\"r\":1}")));
    assertEquals(2, store.inboxSize(FLOW));
    commit(c -> c.unstage(Side.LEFT, "42", -1));
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.LEFT, "42"));
    assertEquals(Optional.of("{\"r\":1}"), store.inboxEntry(FLOW, Side.RIGHT, "42").orElseThrow().change().valueJson());
  }

  @Test
  void unstagingIsGuardedBySeq() {
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{\"v\":1}")));
    long old = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq();
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{\"v\":2}")));
    long current = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq();

    commit(c -> c.unstage(Side.LEFT, "a", old)); // a run that read v1 must not drop v2
    assertEquals(current, store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq());
    commit(c -> c.unstage(Side.RIGHT, "a", current).unstage(Side.LEFT, "missing", -1)); // no such entries: no-ops
    assertEquals(1, store.inboxSize(FLOW));
    commit(c -> c.unstage(Side.LEFT, "a", current));
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.LEFT, "a"));

    commit(c -> c.stage(upsert(Side.LEFT, "b", "{}")));
    commit(c -> c.unstage(Side.LEFT, "b", -1)); // negative: whatever is there
    assertEquals(0, store.inboxSize(FLOW));
  }

  @Test
  void deferringCountsAttemptsAndIsGuardedBySeq() {
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{}")).stage(upsert(Side.LEFT, "b", "{}")));
    InboxEntry a = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow();
    commit(c -> c.defer(Side.LEFT, "a", a.seq(), "UNABLE_TO_LOCK_ROW"));
    commit(c -> c.defer(Side.LEFT, "a", -1, "503 Service Unavailable"));

    InboxEntry deferred = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow();
    assertEquals(2, deferred.attempts());
    assertEquals(Optional.of("503 Service Unavailable"), deferred.lastError());
    assertEquals(a.seq(), deferred.seq());
    assertEquals(a.stagedAt(), deferred.stagedAt());
    assertEquals(a.change(), deferred.change());
    assertEquals(List.of("a", "b"), store.inbox(FLOW, 0, 10).stream().map(e -> e.change().nativeId()).toList());

    commit(c -> c.defer(Side.LEFT, "a", a.seq() + 1000, "stale").defer(Side.RIGHT, "a", -1, "no such entry"));
    assertEquals(deferred, store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow());
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.RIGHT, "a"));
  }

  @Test
  void aSeqIsNeverHandedOutTwice() {
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{}")));
    long first = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq();
    commit(c -> c.unstage(Side.LEFT, "a", first));
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{\"again\":true}")));
    long second = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq();
    assertTrue(second > first, () -> second + " after " + first);
    // so the guard of a run that still holds the first seq cannot remove the new staging
    commit(c -> c.unstage(Side.LEFT, "a", first));
    assertEquals(1, store.inboxSize(FLOW));
  }

  @Test
  void operationsApplyInTheOrderTheyWereAdded() {
    commit(c -> c.stage(upsert(Side.LEFT, "gone", "{}")).unstage(Side.LEFT, "gone", -1)
        .unstage(Side.LEFT, "kept", -1).stage(upsert(Side.LEFT, "kept", "{}"))
        .putLink(link("x", "y")).removeLink(Side.RIGHT, "y")
        .release(Side.LEFT, "p").quarantine(parked(Side.LEFT, "p", "E"))
        .putIntent(intent(Side.LEFT, "src-1", "k1")).removeIntent(Side.LEFT, "src-1")
        .watermark("s1", Watermark.of("1")).watermark("s1", Watermark.of("2")));
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.LEFT, "gone"));
    assertTrue(store.inboxEntry(FLOW, Side.LEFT, "kept").isPresent());
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "x"));
    assertTrue(store.quarantined(FLOW, Side.LEFT, "p").isPresent());
    assertEquals(Optional.empty(), store.intent(FLOW, Side.LEFT, "src-1"));
    assertEquals(Optional.of(Watermark.of("2")), store.watermark(FLOW, "s1"));
  }

  // ---- links ----

  @Test
  void aLinkIsFoundFromEitherSideWithEveryField() {
    SideState left = new SideState("CUST001", "{\"name\":\"Acme\",\"credit\":\"5000.00\"}", "sha256:aa", Optional.of(T1), false);
    SideState right = new SideState("0015g00000Ab1ZQAAZ", "{}", "sha256:bb", Optional.empty(), true);
    LinkRecord link = new LinkRecord(FLOW, left, right, T2);
    commit(c -> c.putLink(link));
    assertEquals(Optional.of(link), store.link(FLOW, Side.LEFT, "CUST001"));
    assertEquals(Optional.of(link), store.link(FLOW, Side.RIGHT, "0015g00000Ab1ZQAAZ"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.RIGHT, "CUST001"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "0015g00000Ab1ZQAAZ"));
    assertEquals(Optional.empty(), store.link(OTHER_FLOW, Side.LEFT, "CUST001"));
  }

  @Test
  void largeSnapshotsRoundTrip() {
    String snapshot = "{\"notes\":\"" + "x".repeat(2_000_000) + "\"}";
    LinkRecord link = new LinkRecord(FLOW, side("L", snapshot), side("R", snapshot + " "), T2);
    commit(c -> c.putLink(link));
    assertEquals(Optional.of(link), store.link(FLOW, Side.LEFT, "L"));
  }

  @Test
  void puttingALinkReplacesTheLinkOfItsLeftId() {
    commit(c -> c.putLink(link("L1", "R1")));
    LinkRecord updated = link("L1", "R2");
    commit(c -> c.putLink(updated));
    assertEquals(Optional.of(updated), store.link(FLOW, Side.LEFT, "L1"));
    assertEquals(Optional.of(updated), store.link(FLOW, Side.RIGHT, "R2"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.RIGHT, "R1"));
    assertEquals(List.of(updated), store.links(FLOW, Side.LEFT, "", 10));
  }

  @Test
  void puttingALinkReplacesTheLinkOfItsRightId() {
    commit(c -> c.putLink(link("L1", "R1")));
    LinkRecord relinked = link("L2", "R1");
    commit(c -> c.putLink(relinked));
    assertEquals(Optional.of(relinked), store.link(FLOW, Side.RIGHT, "R1"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "L1"));
    assertEquals(List.of(relinked), store.links(FLOW, Side.RIGHT, "", 10));
  }

  @Test
  void puttingALinkReplacesBothLinksItsIdsTookPartIn() {
    commit(c -> c.putLink(link("L1", "R1")).putLink(link("L2", "R2")).putLink(link("L3", "R3")));
    LinkRecord cross = link("L1", "R2");
    commit(c -> c.putLink(cross));
    assertEquals(List.of(cross, link("L3", "R3")), store.links(FLOW, Side.LEFT, "", 10));
    assertEquals(Optional.empty(), store.link(FLOW, Side.RIGHT, "R1"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "L2"));
  }

  @Test
  void aLinkIsRemovedFromEitherSide() {
    commit(c -> c.putLink(link("L1", "R1")).putLink(link("L2", "R2")));
    commit(c -> c.removeLink(Side.LEFT, "L1").removeLink(Side.RIGHT, "R2").removeLink(Side.LEFT, "unknown"));
    assertEquals(List.of(), store.links(FLOW, Side.LEFT, "", 10));
    assertEquals(List.of(), store.links(FLOW, Side.RIGHT, "", 10));
    assertEquals(Optional.empty(), store.link(FLOW, Side.RIGHT, "R1"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "L2"));
  }

  @Test
  void linksPageByEitherSideInCodePointOrderOfThatSidesIds() {
    // left order differs from right order; case and accents must not follow a locale's rules
    commit(c -> c.putLink(link("a", "3")).putLink(link("B", "1")).putLink(link("é", "0")).putLink(link("c", "2"))
        .putLink(link("Z", "4")));
    List<String> byLeft = new ArrayList<>();
    String after = "";
    for (List<LinkRecord> page; !(page = store.links(FLOW, Side.LEFT, after, 2)).isEmpty(); ) {
      assertTrue(page.size() <= 2);
      page.forEach(l -> byLeft.add(l.left().nativeId()));
      after = page.get(page.size() - 1).left().nativeId();
    }
    assertEquals(List.of("B", "Z", "a", "c", "é"), byLeft);

    List<String> byRight = store.links(FLOW, Side.RIGHT, "", 10).stream().map(l -> l.right().nativeId()).toList();
    assertEquals(List.of("0", "1", "2", "3", "4"), byRight);
    assertEquals(List.of("2", "3"),
        store.links(FLOW, Side.RIGHT, "1", 2).stream().map(l -> l.right().nativeId()).toList());
    assertEquals(link("c", "2"), store.links(FLOW, Side.RIGHT, "1", 1).get(0));
    assertEquals(List.of(), store.links(FLOW, Side.LEFT, "é", 10));
    assertEquals(List.of(), store.links(FLOW, Side.LEFT, "", 0));
    assertEquals(List.of(), store.links(OTHER_FLOW, Side.LEFT, "", 10));
  }

  // ---- intents ----

  @Test
  void intentsAreKeptPerTargetAndSourceReplacedAndRemoved() {
    assertEquals(Optional.empty(), store.intent(FLOW, Side.RIGHT, "src-1"));
    Intent toRight = intent(Side.RIGHT, "src-1", "tandem-accounts-L-src-1-a");
    Intent toLeft = intent(Side.LEFT, "src-1", "tandem-accounts-R-src-1-b");
    commit(c -> c.putIntent(toRight).putIntent(toLeft));
    assertEquals(Optional.of(toRight), store.intent(FLOW, Side.RIGHT, "src-1"));
    assertEquals(Optional.of(toLeft), store.intent(FLOW, Side.LEFT, "src-1"));
    assertEquals(Optional.empty(), store.intent(OTHER_FLOW, Side.RIGHT, "src-1"));

    Intent replaced = new Intent(FLOW, Side.RIGHT, "src-1", "retry-key", T2);
    commit(c -> c.putIntent(replaced));
    assertEquals(Optional.of(replaced), store.intent(FLOW, Side.RIGHT, "src-1"));

    commit(c -> c.removeIntent(Side.RIGHT, "src-1").removeIntent(Side.RIGHT, "unknown"));
    assertEquals(Optional.empty(), store.intent(FLOW, Side.RIGHT, "src-1"));
    assertEquals(Optional.of(toLeft), store.intent(FLOW, Side.LEFT, "src-1"));
  }

  // ---- quarantine ----

  @Test
  void aQuarantineEntryRoundTripsEveryField() {
    QuarantineEntry full = parked(Side.RIGHT, "0015g00000Ab1ZQAAZ", "FIELD_CUSTOM_VALIDATION_EXCEPTION");
    QuarantineEntry bare = new QuarantineEntry(FLOW, Side.LEFT, "CUST 007", Optional.empty(), Optional.empty(), "UNMAPPABLE",
        "Account CUST 007 field 'Currency' has unknown currency 'XYZ'", Optional.empty(), 3, T1);
    QuarantineEntry deleted = new QuarantineEntry(FLOW, Side.LEFT, "CUST 008", Optional.empty(),
        Optional.of(delete(Side.LEFT, "CUST 008")), "DELETE_FAILED", "cannot delete", Optional.empty(), 1, T1);
    commit(c -> c.quarantine(full).quarantine(bare).quarantine(deleted));
    assertEquals(Optional.of(full), store.quarantined(FLOW, Side.RIGHT, full.sourceId()));
    assertEquals(Optional.of(bare), store.quarantined(FLOW, Side.LEFT, bare.sourceId()));
    assertEquals(Optional.of(deleted), store.quarantined(FLOW, Side.LEFT, deleted.sourceId()));
    assertEquals(Optional.empty(), store.quarantined(FLOW, Side.LEFT, full.sourceId()));
    assertEquals(Optional.empty(), store.quarantined(OTHER_FLOW, Side.RIGHT, full.sourceId()));
  }

  @Test
  void theQuarantineIsOldestFirstAndPages() {
    commit(c -> c.quarantine(parked(Side.LEFT, "q3", "E")).quarantine(parked(Side.RIGHT, "q1", "E")));
    commit(c -> c.quarantine(parked(Side.LEFT, "q2", "E")).quarantine(parked(Side.RIGHT, "q3", "E")));
    assertEquals(List.of("LEFT q3", "RIGHT q1", "LEFT q2", "RIGHT q3"), keys(store.quarantine(FLOW, 0, 10)));
    assertEquals(List.of("RIGHT q1", "LEFT q2"), keys(store.quarantine(FLOW, 1, 2)));
    assertEquals(List.of("RIGHT q3"), keys(store.quarantine(FLOW, 3, 2)));
    assertEquals(List.of(), store.quarantine(FLOW, 4, 2));
    assertEquals(List.of(), store.quarantine(FLOW, 0, 0));
    assertEquals(4, store.quarantineSize(FLOW));
    assertEquals(0, store.quarantineSize(OTHER_FLOW));
  }

  @Test
  void quarantiningARecordAgainReplacesItsEntryAndMovesItToTheEnd() {
    commit(c -> c.quarantine(parked(Side.LEFT, "q1", "E1")).quarantine(parked(Side.LEFT, "q2", "E1")));
    QuarantineEntry again = new QuarantineEntry(FLOW, Side.LEFT, "q1", Optional.empty(), Optional.empty(), "E2",
        "still broken", Optional.of("Email"), 2, T2);
    commit(c -> c.quarantine(again));
    assertEquals(List.of("LEFT q2", "LEFT q1"), keys(store.quarantine(FLOW, 0, 10)));
    assertEquals(Optional.of(again), store.quarantined(FLOW, Side.LEFT, "q1"));
    assertEquals(2, store.quarantineSize(FLOW));
  }

  @Test
  void releasingTakesARecordOutOfQuarantine() {
    commit(c -> c.quarantine(parked(Side.LEFT, "q1", "E")).quarantine(parked(Side.RIGHT, "q1", "E")));
    commit(c -> c.release(Side.LEFT, "q1").release(Side.LEFT, "unknown"));
    assertEquals(Optional.empty(), store.quarantined(FLOW, Side.LEFT, "q1"));
    assertEquals(List.of("RIGHT q1"), keys(store.quarantine(FLOW, 0, 10)));
    assertEquals(1, store.quarantineSize(FLOW));
  }

  private static List<String> keys(List<QuarantineEntry> entries) {
    return entries.stream().map(e -> e.sourceSide() + " " + e.sourceId()).toList();
  }

  // ---- isolation of flows ----

  @Test
  void flowsDoNotSeeEachOthersState() {
    commitSomeOfEverything();
    Lease other = store.acquireLease(OTHER_FLOW, NODE_A, ttl()).orElseThrow();
    store.commit(other, StateChanges.forFlow(OTHER_FLOW)
        .stage(upsert(Side.LEFT, "a1", "{\"other\":true}"))
        .putLink(new LinkRecord(OTHER_FLOW, side("a1", "{}"), side("zz", "{}"), T1))
        .quarantine(new QuarantineEntry(OTHER_FLOW, Side.LEFT, "q1", Optional.empty(), Optional.empty(), "E", "m",
            Optional.empty(), 1, T1))
        .build());
    assertEquals(Optional.of(link("a1", "b1")), store.link(FLOW, Side.LEFT, "a1"));
    assertEquals("zz", store.link(OTHER_FLOW, Side.LEFT, "a1").orElseThrow().right().nativeId());
    assertEquals(Optional.of("{\"v\":1}"), store.inboxEntry(FLOW, Side.LEFT, "a1").orElseThrow().change().valueJson());
    assertEquals(1, store.inboxSize(OTHER_FLOW));
    assertEquals(1, store.quarantineSize(OTHER_FLOW));
    assertNotEquals(store.quarantined(FLOW, Side.LEFT, "q1"), store.quarantined(OTHER_FLOW, Side.LEFT, "q1"));
  }
}
