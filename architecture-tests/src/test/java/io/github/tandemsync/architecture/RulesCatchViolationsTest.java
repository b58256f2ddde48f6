package io.github.tandemsync.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every rule in {@link TandemRules} fails on a deliberate violation and on nothing
 * else. The fixture tree {@code io.github.tandemsync.archfixture} mirrors Tandem's areas (core,
 * engine, connectors, integration, testkit) and holds one violating class per rule next to clean
 * classes. For each rule: checked against the whole tree it must name exactly its offenders, and
 * checked against the tree without them it must pass.
 */
class RulesCatchViolationsTest {

  private static final String FIXTURE = "io.github.tandemsync.archfixture";

  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  private static final TandemRules RULES = new TandemRules(FIXTURE);

  /** One rule and the fixture classes (relative to the fixture root) that violate it. */
  record Case(String name, Function<TandemRules, ArchRule> rule, List<String> offenders) {
    Case(String name, Function<TandemRules, ArchRule> rule, String... offenders) {
      this(name, rule, List.of(offenders));
    }

    List<String> offenderNames() {
      return offenders.stream().map(simple -> FIXTURE + "." + simple).toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("every class belongs to a known area", TandemRules::everyClassBelongsToAKnownArea,
            "hubspot.HubspotClient", "hubspot.package-info"),
        new Case("connectors do not depend on each other", TandemRules::connectorsDoNotDependOnEachOther,
            "salesforce.SalesforceUsesExchequer"),
        new Case("connectors do not depend on the engine", TandemRules::connectorsDoNotDependOnTheEngine,
            "salesforce.SalesforceUsesEngine"),
        new Case("the engine does not depend on connectors", TandemRules::engineDoesNotDependOnConnectors,
            "engine.EngineUsesSalesforce"),
        new Case("core depends on nothing of ours", TandemRules::coreDependsOnNothingOfOurs,
            "core.CoreUsesEngine"),
        new Case("library code does not depend on the testkit", TandemRules::libraryDoesNotDependOnTheTestkit,
            "integration.IntegrationUsesTestkit"),
        new Case("nothing library-side depends on the integration", TandemRules::nothingLibrarySideDependsOnTheIntegration,
            "testkit.TestkitUsesIntegration"),
        new Case("internal packages stay in their area", TandemRules::internalPackagesStayInTheirArea,
            "engine.EngineUsesCoreInternal", "testkit.TestkitUsesSalesforceInternal"),
        new Case("no java.util.logging", TandemRules::noJavaUtilLogging,
            "engine.LogsWithJul"),
        new Case("no System.out or System.err", TandemRules::noStandardStreams,
            "engine.PrintsToStdout"),
        new Case("no DI-container API", TandemRules::noDependencyInjectionContainers,
            "engine.UsesSpring"),
        new Case("no field injection", TandemRules::noFieldInjection,
            "engine.FieldInjected"),
        new Case("no method injection", TandemRules::noMethodInjection,
            "engine.SetterInjected"),
        new Case("no package cycles", TandemRules::noPackageCycles,
            "engine.cyclea.CycleA", "engine.cycleb.CycleB"),
        new Case("no old date and time classes", TandemRules::noOldDateAndTimeClasses,
            "engine.UsesOldDate"),
        new Case("no generic exceptions", TandemRules::noGenericExceptions,
            "engine.ThrowsGeneric"),
        new Case("SPI packages hold only contracts", TandemRules::spiPackagesHoldOnlyContracts,
            "core.spi.ConcreteSpiClass"),
        new Case("no internal types in public API", TandemRules::noInternalTypesInPublicApi,
            "engine.LeaksInternalType"),
        new Case("every package is @NullMarked", TandemRules::everyPackageIsNullMarked,
            "engine.unmarked.Unmarked"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ruleReportsItsOffenders(Case testCase) {
    for (String offender : testCase.offenderNames()) {
      assertTrue(FIXTURE_CLASSES.contain(offender), "fixture class missing: " + offender);
    }
    EvaluationResult result = testCase.rule().apply(RULES).evaluate(FIXTURE_CLASSES);

    assertTrue(result.hasViolation(), testCase + " found no violation in the fixtures");
    String report = result.getFailureReport().toString();
    Set<String> named = namedFixtureClasses(report);
    for (String offender : testCase.offenderNames()) {
      if (!offender.endsWith(".package-info")) {
        assertTrue(named.contains(offender), testCase + " did not report " + offender + ":\n" + report);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rulePassesWithoutItsOffenders(Case testCase) {
    Set<String> offenders = Set.copyOf(testCase.offenderNames());
    DescribedPredicate<JavaClass> isOffender = DescribedPredicate.describe("offenders of " + testCase,
        (JavaClass type) -> offenders.contains(type.getName()) || offenders.contains(topLevelName(type)));
    JavaClasses clean = FIXTURE_CLASSES.that(not(isOffender));

    EvaluationResult result = testCase.rule().apply(RULES).evaluate(clean);

    assertFalse(result.hasViolation(), testCase + " reported classes that follow it:\n" + result.getFailureReport());
  }

  @Test
  void everyRuleHasAProofCase() {
    Set<String> proven = cases().map(c -> c.rule().apply(RULES).getDescription()).collect(Collectors.toSet());
    Set<String> all = RULES.all().stream().map(ArchRule::getDescription).collect(Collectors.toSet());
    assertEquals(all, proven, "add a Case (and a violating fixture class) for each new rule");
  }

  @Test
  void checkThrowsOnAViolation() {
    // What the build sees: ArchRule.check throws an AssertionError that fails the test.
    AssertionError error = assertThrows(AssertionError.class,
        () -> RULES.engineDoesNotDependOnConnectors().check(FIXTURE_CLASSES));
    assertTrue(error.getMessage().contains(FIXTURE + ".engine.EngineUsesSalesforce"), error.getMessage());
  }

  /** Fixture class names mentioned in a failure report, nested classes reduced to their top level. */
  private static Set<String> namedFixtureClasses(String report) {
    return Pattern.compile(Pattern.quote(FIXTURE) + "(\\.[A-Za-z0-9_]+)+")
        .matcher(report)
        .results()
        .map(match -> match.group())
        .map(name -> name.replaceAll("\\.[a-z][A-Za-z0-9_]*$", ""))
        .collect(Collectors.toSet());
  }

  private static String topLevelName(JavaClass type) {
    String name = type.getName();
    int dollar = name.indexOf('$');
    return dollar < 0 ? name : name.substring(0, dollar);
  }
}
