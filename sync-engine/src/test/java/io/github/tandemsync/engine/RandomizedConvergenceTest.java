package io.github.tandemsync.engine;

import static io.github.tandemsync.engine.Harness.CRM;
import static io.github.tandemsync.engine.Harness.ERP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.testkit.fake.FakeSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random edit sequences on both sides, checked against an oracle that applies the flow's policies
 * by hand: after every run both sides must hold exactly what the policies dictate.
 *
 * <p>Policies: {@code name} preferred CRM, {@code phone} owned by the ERP, {@code email} last
 * writer wins (ERP breaks ties), {@code fax} preferred ERP. Rerun a failing seed by adding it to
 * {@link #seeds()}.
 */
class RandomizedConvergenceTest {
  private static final List<String> FIELDS = List.of("name", "phone", "email", "fax");

  static Stream<Long> seeds() {
    long random = System.nanoTime();
    return Stream.of(1L, 2L, 3L, 42L, 20261122L, random);
  }

  /** What one side did to one record during a round. */
  private static final class Edits {
    final Map<String, String> fields = new HashMap<>();
    Instant lastChange = Instant.EPOCH;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomEditsOnBothSidesConvergeToWhatThePoliciesDictate(long seed) {
    Random random = new Random(seed);
    try (Harness h = new Harness().flow(b -> b
        .field("name", FieldPolicy.preferred(CRM))
        .field("phone", FieldPolicy.ownedBy(ERP))
        .field("email", FieldPolicy.lastWriterWins(ERP))
        .field("fax", FieldPolicy.preferred(ERP))
        .batchSize(7))) {
      Map<String, Map<String, String>> agreed = new LinkedHashMap<>();
      int nextCode = 0;
      for (int round = 0; round < 12; round++) {
        Map<String, Edits> erpEdits = new HashMap<>();
        Map<String, Edits> crmEdits = new HashMap<>();
        List<String> synced = List.copyOf(agreed.keySet()); // edits touch records both sides already hold
        int creates = round == 0 ? 30 : random.nextInt(4);
        for (int i = 0; i < creates; i++) {
          String code = String.format("R%04d", nextCode++);
          boolean onErp = random.nextBoolean();
          Map<String, String> values = new HashMap<>();
          for (String f : FIELDS) {
            values.put(f, f + "-" + code + "-init");
          }
          (onErp ? h.erp : h.crm).userPut(EntityTypes.ACCOUNT, null, build(code, values));
          agreed.put(code, values); // a new record is copied as it is
          tick(h, random);
        }
        if (round > 0) {
          int edits = random.nextInt(40);
          List<String> codes = synced;
          for (int i = 0; i < edits; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            boolean onErp = random.nextBoolean();
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            String value = random.nextInt(5) == 0 ? agreed.get(code).get(field) : field + "-" + round + "-" + i;
            FakeSystem system = onErp ? h.erp : h.crm;
            String id = onErp ? h.erpIdOf(code) : h.crmIdOf(code);
            Account current = system.get(EntityTypes.ACCOUNT, id).orElseThrow();
            Map<String, String> values = valuesOf(current);
            values.put(field, value);
            system.userPut(EntityTypes.ACCOUNT, id, build(code, values));
            Edits e = (onErp ? erpEdits : crmEdits).computeIfAbsent(code, c -> new Edits());
            e.fields.put(field, value);
            e.lastChange = h.clock.instant();
            tick(h, random);
          }
        }
        // the oracle
        for (Map.Entry<String, Map<String, String>> record : agreed.entrySet()) {
          Edits erp = erpEdits.get(record.getKey());
          Edits crm = crmEdits.get(record.getKey());
          for (String field : FIELDS) {
            String before = record.getValue().get(field);
            String e = erp == null ? null : changed(erp.fields.get(field), before);
            String c = crm == null ? null : changed(crm.fields.get(field), before);
            String expected = before;
            if (e != null && c == null) {
              expected = e;
            } else if (c != null && e == null) {
              expected = field.equals("phone") ? before : c; // the ERP owns phone
            } else if (e != null) {
              expected = switch (field) {
                case "name" -> c;
                case "phone", "fax" -> e;
                default -> crm.lastChange.isAfter(erp.lastChange) ? c : e; // last writer, ERP breaks ties
              };
            }
            record.getValue().put(field, expected);
          }
        }
        RunReport report = h.run();
        assertEquals(RunReport.Status.COMPLETED, report.status(), "seed " + seed + " round " + round + ": " + report.detail());
        for (Map.Entry<String, Map<String, String>> record : agreed.entrySet()) {
          String code = record.getKey();
          assertEquals(record.getValue(), valuesOf(h.erpByCode(code).orElseThrow()), "seed " + seed + " round " + round + " ERP " + code);
          assertEquals(record.getValue(), valuesOf(h.crmByCode(code).orElseThrow()), "seed " + seed + " round " + round + " CRM " + code);
        }
        assertEquals(agreed.size(), h.erpAccounts().size(), "seed " + seed + ": no duplicates on the ERP");
        assertEquals(agreed.size(), h.crmAccounts().size(), "seed " + seed + ": no duplicates on the CRM");
        assertEquals(0, h.run().writes(), "seed " + seed + " round " + round + ": converged, nothing left to write");
      }
    }
  }

  private static String changed(String value, String before) {
    return value == null || value.equals(before) ? null : value;
  }

  private static void tick(Harness h, Random random) {
    h.clock.advance(Duration.ofMillis(random.nextInt(3) * 1000L));
  }

  private static Account build(String code, Map<String, String> values) {
    return Account.builder().code(code).role(AccountRole.CUSTOMER).name(values.get("name")).phone(values.get("phone"))
        .email(values.get("email")).fax(values.get("fax")).build();
  }

  private static Map<String, String> valuesOf(Account a) {
    Map<String, String> out = new HashMap<>();
    out.put("name", a.name());
    out.put("phone", a.phone().orElse(null));
    out.put("email", a.email().orElse(null));
    out.put("fax", a.fax().orElse(null));
    return out;
  }
}
