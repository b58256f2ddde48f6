package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.integration.SyncCapability;
import io.github.tandemsync.testkit.salesforce.ApiCall;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every capability switched off on its own, everything else on: no flow and no run for it, none of
 * its Salesforce records written or queried, none of its Exchequer tables read.
 */
class EachCapabilityOffTest {
  private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+\\[?([A-Za-z0-9_]+)\\]?(?:\\.\\[?([A-Za-z0-9_]+)\\]?)?");

  /** The Salesforce objects only this capability fills or reads. */
  private static final Map<SyncCapability, List<String>> SALESFORCE_OBJECTS = Map.ofEntries(
      Map.entry(SyncCapability.GL_ACCOUNTS, List.of("ERP_GL_Account__c")),
      Map.entry(SyncCapability.DEPARTMENTS, List.of("ERP_Department__c")),
      Map.entry(SyncCapability.COST_CENTRES, List.of("ERP_Cost_Centre__c")),
      Map.entry(SyncCapability.WAREHOUSES, List.of("ERP_Warehouse__c")),
      Map.entry(SyncCapability.PRODUCT_CATEGORIES, List.of("ERP_Product_Category__c")),
      Map.entry(SyncCapability.PRODUCTS, List.of("Product2")),
      Map.entry(SyncCapability.PRICES, List.of("PricebookEntry")),
      Map.entry(SyncCapability.ACCOUNTS, List.of("Account")),
      Map.entry(SyncCapability.CONTACTS, List.of("Contact")),
      Map.entry(SyncCapability.JOBS, List.of("ERP_Job__c")),
      Map.entry(SyncCapability.QUOTES, List.of("Quote", "QuoteLineItem")),
      Map.entry(SyncCapability.ORDERS, List.of("Order", "OrderItem")),
      Map.entry(SyncCapability.DELIVERIES, List.of("ERP_Delivery__c", "ERP_Delivery_Line__c")),
      Map.entry(SyncCapability.INVOICES, List.of("ERP_Invoice__c", "ERP_Invoice_Line__c")),
      Map.entry(SyncCapability.CREDIT_NOTES, List.of("ERP_Credit_Note__c", "ERP_Credit_Note_Line__c")),
      Map.entry(SyncCapability.PAYMENTS, List.of("ERP_Payment__c")),
      Map.entry(SyncCapability.STOCK_LEVELS, List.of("ERP_Stock_Level__c")),
      Map.entry(SyncCapability.BALANCES, List.of()));

  /** The Exchequer tables only this capability reads. */
  private static final Map<SyncCapability, List<String>> EXCHEQUER_TABLES = Map.of(
      SyncCapability.GL_ACCOUNTS, List.of("NOMINAL"),
      SyncCapability.JOBS, List.of("JOBHEAD"),
      SyncCapability.STOCK_LEVELS, List.of("STOCKLOCATION"),
      SyncCapability.BALANCES, List.of("HISTORY"),
      SyncCapability.PAYMENTS, List.of("FINANCIALMATCHING"));

  @ParameterizedTest
  @EnumSource(SyncCapability.class)
  void aCapabilitySwitchedOffIsNeitherReadNorWritten(SyncCapability off) {
    ConcurrentLinkedQueue<String> sql = new ConcurrentLinkedQueue<>();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
            .exchequer(systems.exchequerConnector().dataSource(recording(systems.exchequer().readOnlyDataSource(), sql)))
            .salesforce(systems.salesforceConnector())
            .settings(IntegrationSettings.builder().off(off).build())
            .stateStore(StateStores.inMemory())
            .build()) {
      CycleReport cycle = integration.runOnce();

      assertFalse(integration.engine().flows().stream().map(Flow::name).anyMatch(off.flowName()::equals), "no flow");
      assertFalse(cycle.runs().stream().map(RunReport::flow).anyMatch(off.flowName()::equals), "no run");
      assertTrue(cycle.writes() > 0, "the other capabilities ran");

      for (String object : SALESFORCE_OBJECTS.get(off)) {
        assertEquals(List.of(), systems.salesforce().data().list(object), object + " holds nothing");
        for (ApiCall call : systems.salesforce().usage().calls()) {
          String soql = call.query().orElse("");
          // resolving another flow's reference (an order's account) by ERP id reads no record of this capability
          boolean lookup = soql.matches("(?is)q=SELECT Id, ERP_Id__c FROM " + object + " WHERE ERP_Id__c IN \\(.*\\)");
          assertFalse(!lookup && soql.matches("(?is).*\\bFROM\\s+" + object + "\\b.*"), () -> object + " was queried: " + soql);
          // describing an object other flows point at (a stock level's warehouse, a price's product) is metadata, not its data
          boolean describe = call.path().endsWith("/sobjects/" + object + "/describe");
          assertFalse(!describe && (call.path().contains("/sobjects/" + object + "/") || call.path().endsWith("/sobjects/" + object)),
              () -> object + " was called: " + call.method() + " " + call.path());
        }
      }
      if (off == SyncCapability.BALANCES) {
        systems.salesforce().data().list("Account").forEach(a ->
            assertTrue(a.string("ERP_Balance__c").isEmpty() && a.string("ERP_Balance_YTD__c").isEmpty(), () -> "balances on " + a.fields()));
      }
      for (String table : EXCHEQUER_TABLES.getOrDefault(off, List.of())) {
        for (String statement : sql) {
          Matcher m = FROM.matcher(statement);
          while (m.find()) {
            String name = (m.group(2) != null ? m.group(2) : m.group(1)).toUpperCase(Locale.ROOT);
            assertFalse(name.equals(table), () -> table + " was read: " + statement);
          }
        }
      }
      // and the recording sees what the capabilities still on read: the check above has teeth
      Set<String> read = new TreeSet<>();
      for (String statement : sql) {
        Matcher m = FROM.matcher(statement);
        while (m.find()) {
          read.add((m.group(2) != null ? m.group(2) : m.group(1)).toUpperCase(Locale.ROOT));
        }
      }
      EXCHEQUER_TABLES.forEach((capability, tables) -> {
        if (capability != off) {
          assertTrue(read.containsAll(tables), () -> capability + " is on but " + tables + " not among the tables read " + read);
        }
      });
    }
  }

  /** A data source that notes the SQL of every statement it prepares. */
  private static DataSource recording(DataSource target, ConcurrentLinkedQueue<String> sql) {
    InvocationHandler connections = (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      return result instanceof Connection c ? recording(c, sql) : result;
    };
    return (DataSource) Proxy.newProxyInstance(EachCapabilityOffTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, connections);
  }

  private static Connection recording(Connection target, ConcurrentLinkedQueue<String> sql) {
    InvocationHandler statements = (proxy, method, args) -> {
      if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")) && args != null
          && args[0] instanceof String s) {
        sql.add(s);
      }
      return invoke(target, method, args);
    };
    return (Connection) Proxy.newProxyInstance(EachCapabilityOffTest.class.getClassLoader(), new Class<?>[] {Connection.class}, statements);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
