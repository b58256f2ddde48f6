package io.github.tandemsync.engine;

import static io.github.tandemsync.engine.Harness.CRM;
import static io.github.tandemsync.engine.Harness.ERP;
import static io.github.tandemsync.engine.Harness.account;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** After the first sync, a hundred runs without user edits write nothing at all. */
class PingPongTest {

  @Test
  void aHundredRunsWithoutEditsPerformZeroWrites() {
    try (Harness h = new Harness().flow(b -> b.owner(ERP, "creditLimit").field("phone", FieldPolicy.lastWriterWins(CRM)))) {
      // the CRM drops trailing zeros, as JSON numbers do: 12.50 comes back as 12.5
      h.crm.onWrite(EntityTypes.ACCOUNT, (old, incoming) -> incoming.creditLimit().isEmpty() ? incoming
          : incoming.toBuilder().creditLimit(new Money(incoming.creditLimit().get().amount().stripTrailingZeros(),
              incoming.creditLimit().get().currency())).build());
      for (int i = 0; i < 150; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("E%03d", i), "Erp " + i).toBuilder()
            .creditLimit(Money.of(new BigDecimal("1250.50"), "GBP"))
            .billingAddress(Address.builder().line1(i + " Mill Lane").town("Leeds").build()).extension("Region__c", "North").build());
      }
      for (int i = 0; i < 100; i++) {
        h.crm.userPut(EntityTypes.ACCOUNT, null, account(String.format("C%03d", i), "Crm " + i).toBuilder().phone("0113 " + i).build());
      }
      for (int i = 0; i < 20; i++) { // matched pairs with differing values
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("M%03d", i), "Both " + i).toBuilder().phone("erp").build());
        h.crm.userPut(EntityTypes.ACCOUNT, null, account(String.format("M%03d", i), "Both " + i).toBuilder().phone("crm").fax("fax").build());
      }
      RunReport first = h.run();
      assertEquals(RunReport.Status.COMPLETED, first.status());
      long erpWrites = h.erp.writeCalls();
      long crmWrites = h.crm.writeCalls();
      for (int run = 0; run < 100; run++) {
        RunReport report = h.run();
        assertEquals(0, report.writes(), "run " + run + " wrote something: " + report.directions());
        assertEquals(0, report.conflicts().size(), "run " + run + " found conflicts");
      }
      assertEquals(erpWrites, h.erp.writeCalls(), "no write call reached the ERP");
      assertEquals(crmWrites, h.crm.writeCalls(), "no write call reached the CRM");
      assertEquals(270, h.erpAccounts().size());
      assertEquals(270, h.crmAccounts().size());
    }
  }
}
