package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.InvoiceLine;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.testkit.ConnectorContractKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector compatibility kit, for invoices (Composite Graph writes, child-subquery reads). */
class SalesforceInvoiceContractTest extends ConnectorContractKit<Invoice> {
  private static SandboxFixture fixture;
  private static SalesforceConnector connector;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(4_242L);
    connector = fixture.started(fixture.connector().entities(EntityTypes.ACCOUNT, EntityTypes.INVOICE));
  }

  @AfterAll
  static void stop() {
    connector.close();
    fixture.close();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected EntityType<Invoice> entityType() {
    return EntityTypes.INVOICE;
  }

  @Override
  protected Invoice newRecord(int n) {
    return Invoice.builder().number("SIN" + n).invoiceDate(LocalDate.of(2026, 3, 1)).currency("GBP").customerReference("PO-" + n)
        .netTotal(Money.of("30.00", "GBP"))
        .lines(List.of(
            InvoiceLine.builder().lineNumber(1).productCode("BOLT").orderQuantity(new BigDecimal("2")).deliveredQuantity(new BigDecimal("2"))
                .invoiceQuantity(new BigDecimal("2")).unitPrice(Money.of("10.00", "GBP")).currency("GBP").build(),
            InvoiceLine.builder().lineNumber(2).description("Carriage").orderQuantity(BigDecimal.ONE).deliveredQuantity(BigDecimal.ONE)
                .invoiceQuantity(BigDecimal.ONE).unitPrice(Money.of("10.00", "GBP")).currency("GBP").build()))
        .build();
  }

  @Override
  protected Invoice changed(Invoice record) {
    return record.toBuilder().customerReference("PO-CHANGED").lines(record.lines().subList(0, 1)).build();
  }

  @Override
  protected Optional<Runnable> deleteInSystem(String nativeId) {
    return Optional.of(() -> fixture.sandbox.data().delete(nativeId));
  }

  /** A customer reference longer than ERP_Customer_Reference__c's 255 characters: Salesforce refuses it (STRING_TOO_LONG). */
  @Override
  protected Optional<Invoice> invalidRecord() {
    return Optional.of(newRecord(9_001).toBuilder().number("SIN-BAD").customerReference("R".repeat(300)).build());
  }

  @Override
  protected Optional<String> naturalKeyField() {
    return Optional.of("number");
  }

  @Override
  protected void beforeRead() {
    fixture.clock.advance(Duration.ofSeconds(3));
  }

  /** getDeleted is polled at most every deletePollInterval (5 minutes by default). */
  @Override
  protected void beforeReadingDeletes() {
    fixture.clock.advance(Duration.ofMinutes(6));
  }
}
