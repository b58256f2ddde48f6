package io.github.tandemsync.examples.demo;

import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import io.github.tandemsync.testkit.exchequer.ToolkitResult;
import io.github.tandemsync.testkit.salesforce.SalesforceSandbox;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people do in the two systems between syncs, scripted: sales reps in Salesforce, finance in
 * Exchequer. Every step returns what it did, so the demo can print it and tests can check the
 * result on both sides.
 */
public final class DemoScript {
  private final SandboxSystems systems;
  private final Clock clock;

  /** What one scripted edit did. */
  public record Step(String who, String what, Map<String, String> facts) {
    public String fact(String key) {
      String v = facts.get(key);
      if (v == null) {
        throw new IllegalStateException("step '" + what + "' has no fact " + key);
      }
      return v;
    }
  }

  public DemoScript(SandboxSystems systems, Clock clock) {
    this.systems = systems;
    this.clock = clock;
  }

  private SalesforceSandbox sf() {
    return systems.salesforce();
  }

  private ExchequerSandbox erp() {
    return systems.exchequer();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  // ------------------------------------------------------------------ the starting position

  /**
   * Salesforce as a sales team left it before Tandem: three accounts typed in by hand that exist in
   * Exchequer too (same account number, different phone), and two prospects with open
   * opportunities. Returns the prospects' account ids.
   */
  public List<Step> seedSalesforce() {
    List<Step> steps = new ArrayList<>();
    List<Map<String, Object>> customers = erp().query().rows(
        "SELECT TOP 3 acCode, acCompany FROM [" + SandboxSystems.COMPANY + "].[CUSTSUPP] WHERE acCustSupp = 'C' AND acAccStatus = 0 ORDER BY acCode");
    for (Map<String, Object> c : customers) {
      String code = c.get("acCode").toString().strip();
      String id = sf().data().insert("Account", Map.of("Name", c.get("acCompany").toString().strip(), "AccountNumber", code,
          "Phone", "0800 000 " + code.substring(code.length() - 2), "Type", "Customer - Direct"));
      steps.add(new Step("sales", "typed in " + code + " by hand before Tandem", Map.of("accountId", id, "code", code)));
    }
    for (String name : List.of("Northwind Fabrication Ltd", "Pennine Signs & Graphics")) {
      steps.add(newProspect(name));
    }
    return steps;
  }

  /** A prospect account with an open opportunity. */
  public Step newProspect(String name) {
    String account = sf().data().insert("Account", Map.of("Name", name, "Type", "Prospect", "Phone", "0113 496 0" + (name.length() % 90 + 10)));
    String opportunity = sf().data().insert("Opportunity", Map.of("Name", name + " - first order", "AccountId", account,
        "StageName", "Proposal/Price Quote", "CloseDate", today().plusDays(30).toString()));
    return new Step("sales", "new prospect " + name, Map.of("accountId", account, "opportunityId", opportunity, "name", name));
  }

  // ------------------------------------------------------------------ the scripted edits

  /** A rep edits a phone number on an account that came from Exchequer. */
  public Step repEditsPhone(String accountId, String phone) {
    sf().data().update(accountId, Map.of("Phone", phone));
    return new Step("sales", "edited the phone of " + code(accountId) + " to " + phone, Map.of("accountId", accountId, "phone", phone));
  }

  /** A rep converts a prospect: marks the account as a customer. */
  public Step repConvertsProspect(String accountId) {
    sf().data().update(accountId, Map.of("Type", "Customer - Direct"));
    return new Step("sales", "marked prospect " + name(accountId) + " as a customer", Map.of("accountId", accountId));
  }

  /** Finance changes a credit limit in Exchequer. */
  public Step financeChangesCreditLimit(String code, BigDecimal limit) {
    erp().toolkit().accounts().setCreditLimit(code, limit).orThrow();
    return new Step("finance", "set the credit limit of " + code + " to " + limit.toPlainString(),
        Map.of("code", code, "creditLimit", limit.toPlainString()));
  }

  /** Finance puts an account on stop in Exchequer. */
  public Step financePutsOnStop(String code) {
    erp().toolkit().accounts().setStatus(code, 2).orThrow();
    return new Step("finance", "put " + code + " on stop", Map.of("code", code));
  }

  /**
   * A quote with two lines on a prospect's opportunity, accepted by the customer: the quote is
   * marked Accepted in Salesforce.
   */
  public Step quoteAccepted(String opportunityId) {
    String book = sf().data().standardPricebookId();
    List<SandboxRecord> entries = sf().data().list("PricebookEntry").stream()
        .filter(e -> e.string("Pricebook2Id").orElse("").equals(book) && e.string("ERP_Id__c").orElse("").endsWith("-GBP"))
        .sorted(Comparator.comparing(e -> e.string("ERP_Id__c").orElse("")))
        .limit(2)
        .toList();
    if (entries.size() < 2) {
      throw new IllegalStateException("the standard price book has no GBP entries yet: run a sync of products and prices first");
    }
    String quote = sf().data().insert("Quote", Map.of("Name", "Quotation for " + opportunity(opportunityId).string("Name").orElse(""),
        "OpportunityId", opportunityId, "Pricebook2Id", book, "Status", "Presented"));
    int quantity = 3;
    for (SandboxRecord entry : entries) {
      sf().data().insert("QuoteLineItem", Map.of("QuoteId", quote, "PricebookEntryId", entry.id(),
          "Product2Id", entry.string("Product2Id").orElseThrow(), "Quantity", quantity++,
          "UnitPrice", entry.decimal("UnitPrice").orElseThrow()));
    }
    sf().data().update(quote, Map.of("Status", "Accepted"));
    return new Step("sales", "the customer accepted quote " + quote + " (" + entries.size() + " lines)",
        Map.of("quoteId", quote, "opportunityId", opportunityId));
  }

  /** Finance invoices an open sales order in Exchequer. */
  public Step financeInvoicesAnOrder() {
    Map<String, Object> order = erp().query().rows("SELECT TOP 1 thOurRef, thAcCode FROM [" + SandboxSystems.COMPANY
        + "].[DOCUMENT] WHERE thDocType = 8 AND thTotalOrderOS > 0 AND thHoldFlag = 0 AND thCurrency = 1 ORDER BY thFolioNum DESC")
        .stream().findFirst().orElseThrow(() -> new IllegalStateException("no open GBP sales order left to invoice"));
    ToolkitResult invoice = erp().toolkit().posting().invoiceOrder(order.get("thOurRef").toString().strip(), today()).orThrow();
    return new Step("finance", "invoiced order " + order.get("thOurRef").toString().strip() + " as " + invoice.ourRef(),
        Map.of("orderRef", order.get("thOurRef").toString().strip(), "invoiceRef", invoice.ourRef(),
            "code", order.get("thAcCode").toString().strip()));
  }

  /** Finance posts a receipt that pays an invoice in full. */
  public Step financePostsPayment(String invoiceRef) {
    BigDecimal outstanding = erp().query().outstandingInBase(invoiceRef);
    ToolkitResult receipt = erp().toolkit().posting().payInvoice(invoiceRef, today(), outstanding).orThrow();
    return new Step("finance", "posted receipt " + receipt.ourRef() + " paying " + invoiceRef + " (" + outstanding.toPlainString() + ")",
        Map.of("invoiceRef", invoiceRef, "receiptRef", receipt.ourRef()));
  }

  /**
   * The same field edited on both sides between two syncs: a rep and finance both change an
   * account's e-mail address.
   */
  public Step emailEditedOnBothSides(String accountId, String code, String salesEmail, String financeEmail) {
    erp().toolkit().accounts().update(code, Map.of("acEmailAddr", financeEmail)).orThrow();
    sf().data().update(accountId, Map.of("ERP_Email__c", salesEmail));
    return new Step("both", "changed the e-mail of " + code + ": sales to " + salesEmail + ", finance to " + financeEmail,
        Map.of("accountId", accountId, "code", code, "salesEmail", salesEmail, "financeEmail", financeEmail));
  }

  // ------------------------------------------------------------------ lookups

  /** The Salesforce id of the account linked to an Exchequer code. */
  public Optional<String> salesforceAccountOf(String code) {
    return sf().data().list("Account").stream().filter(a -> a.string("ERP_Id__c").orElse("").equals("C-" + code))
        .map(SandboxRecord::id).findFirst();
  }

  /** An active, linked customer with the given offset in code order, for the scripted edits. */
  public String customerCode(int index) {
    List<Map<String, Object>> rows = erp().query().rows("SELECT acCode FROM [" + SandboxSystems.COMPANY
        + "].[CUSTSUPP] WHERE acCustSupp = 'C' AND acAccStatus = 0 AND acCurrency = 1 ORDER BY acCode");
    return rows.get(index % rows.size()).get("acCode").toString().strip();
  }

  private String code(String accountId) {
    return sf().data().find(accountId).flatMap(a -> a.string("AccountNumber")).orElse(accountId);
  }

  private String name(String accountId) {
    return sf().data().find(accountId).flatMap(a -> a.string("Name")).orElse(accountId);
  }

  private SandboxRecord opportunity(String id) {
    return sf().data().find(id).orElseThrow();
  }
}
