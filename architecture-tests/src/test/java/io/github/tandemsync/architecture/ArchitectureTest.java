package io.github.tandemsync.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Checks Tandem's architecture rules against the main classes of every library module on this
 * module's class path (sdk-core, sync-engine, both connectors, the reference integration, the
 * testkit). Test classes are not imported.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.tandemsync";

  // Imported once: ClassFileImporter is the expensive part.
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  private static final TandemRules RULES = new TandemRules(ROOT);

  @Test
  void importsTheLibraryModules() {
    // Guards against a silently empty import (a wrong root or import option would pass every rule).
    assertTrue(CLASSES.contain("io.github.tandemsync.core.TandemException"),
        "sdk-core's classes must be imported");
  }

  @Test
  void everyClassBelongsToAKnownArea() {
    RULES.everyClassBelongsToAKnownArea().check(CLASSES);
  }

  @Test
  void connectorsDoNotDependOnEachOther() {
    RULES.connectorsDoNotDependOnEachOther().check(CLASSES);
  }

  @Test
  void connectorsDoNotDependOnTheEngine() {
    RULES.connectorsDoNotDependOnTheEngine().check(CLASSES);
  }

  @Test
  void engineDoesNotDependOnConnectors() {
    RULES.engineDoesNotDependOnConnectors().check(CLASSES);
  }

  @Test
  void coreDependsOnNothingOfOurs() {
    RULES.coreDependsOnNothingOfOurs().check(CLASSES);
  }

  @Test
  void libraryDoesNotDependOnTheTestkit() {
    RULES.libraryDoesNotDependOnTheTestkit().check(CLASSES);
  }

  @Test
  void nothingLibrarySideDependsOnTheIntegration() {
    RULES.nothingLibrarySideDependsOnTheIntegration().check(CLASSES);
  }

  @Test
  void internalPackagesStayInTheirArea() {
    RULES.internalPackagesStayInTheirArea().check(CLASSES);
  }

  @Test
  void noJavaUtilLogging() {
    RULES.noJavaUtilLogging().check(CLASSES);
  }

  @Test
  void noStandardStreams() {
    RULES.noStandardStreams().check(CLASSES);
  }

  @Test
  void noDependencyInjectionContainers() {
    RULES.noDependencyInjectionContainers().check(CLASSES);
  }

  @Test
  void noFieldInjection() {
    RULES.noFieldInjection().check(CLASSES);
  }

  @Test
  void noMethodInjection() {
    RULES.noMethodInjection().check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    RULES.noPackageCycles().check(CLASSES);
  }

  @Test
  void noOldDateAndTimeClasses() {
    RULES.noOldDateAndTimeClasses().check(CLASSES);
  }

  @Test
  void noGenericExceptions() {
    RULES.noGenericExceptions().check(CLASSES);
  }

  @Test
  void spiPackagesHoldOnlyContracts() {
    RULES.spiPackagesHoldOnlyContracts().check(CLASSES);
  }

  @Test
  void noInternalTypesInPublicApi() {
    RULES.noInternalTypesInPublicApi().check(CLASSES);
  }

  @Test
  void everyPackageIsNullMarked() {
    RULES.everyPackageIsNullMarked().check(CLASSES);
  }
}
