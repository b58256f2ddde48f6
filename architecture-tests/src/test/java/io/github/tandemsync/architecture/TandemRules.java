package io.github.tandemsync.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tandem's architecture rules, for the package tree under one root. The real build checks them
 * under {@code io.github.tandemsync}; {@code RulesCatchViolationsTest} checks the very same rules
 * under a fixture root full of deliberate violations, so each rule is proven to bite.
 *
 * <p>Areas are the first package segment below the root: {@code core}, {@code engine},
 * {@code integration} (the reference Exchequer-Salesforce integration), {@code testkit}, and one
 * per connector. A new connector package must be added to {@link #CONNECTORS};
 * {@link #everyClassBelongsToAKnownArea()} fails until it is.
 */
final class TandemRules {

  /** The connector areas. Connectors depend on core only. */
  static final List<String> CONNECTORS = List.of("salesforce", "exchequer");

  /** Areas that are not connectors. */
  static final List<String> OTHER_AREAS = List.of("core", "engine", "integration", "testkit");

  /** Partner-facing library code; the testkit is published too but is test support. */
  static final List<String> LIBRARY = List.of("core", "engine", "salesforce", "exchequer", "integration");

  /** Dependency-injection containers; library code only carries {@code jakarta.inject} annotations. */
  static final List<String> DI_CONTAINER_PACKAGES =
      List.of("org.springframework..", "com.google.inject..", "io.quarkus..", "io.micronaut..", "jakarta.enterprise..", "javax.enterprise..");

  /** Pre-{@code java.time} classes; java.sql types stay allowed at the JDBC boundary. */
  static final List<String> OLD_DATE_TIME_CLASSES =
      List.of("java.util.Date", "java.util.Calendar", "java.util.GregorianCalendar", "java.util.TimeZone", "java.text.DateFormat", "java.text.SimpleDateFormat");

  private final String root;

  TandemRules(String root) {
    this.root = root;
  }

  /** {@code root.area..}: the area's package and everything below it. */
  private String area(String area) {
    return root + "." + area + "..";
  }

  private String[] areas(List<String> names) {
    return names.stream().map(this::area).toArray(String[]::new);
  }

  /** The area (first segment below the root) a class belongs to; empty when outside the root. */
  private String areaOf(JavaClass type) {
    String pkg = type.getPackageName();
    if (!pkg.startsWith(root + ".")) {
      return "";
    }
    String rest = pkg.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private boolean isInternal(JavaClass type) {
    String pkg = type.getPackageName();
    return pkg.startsWith(root + ".") && (pkg.endsWith(".internal") || pkg.contains(".internal."));
  }

  ArchRule everyClassBelongsToAKnownArea() {
    List<String> known = new ArrayList<>(OTHER_AREAS);
    known.addAll(CONNECTORS);
    return classes()
        .that().resideInAPackage(root + "..")
        .should().resideInAnyPackage(areas(known))
        .because("the rules below reason per area; add a new connector's package to TandemRules.CONNECTORS")
        .allowEmptyShould(true);
  }

  ArchRule connectorsDoNotDependOnEachOther() {
    SliceAssignment connectors = new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String area = areaOf(javaClass);
        return CONNECTORS.contains(area) ? SliceIdentifier.of("connector " + area) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "connector areas " + CONNECTORS;
      }
    };
    return slices().assignedFrom(connectors)
        .should().notDependOnEachOther()
        .because("each connector ships alone; shared code belongs in core")
        .allowEmptyShould(true);
  }

  ArchRule connectorsDoNotDependOnTheEngine() {
    return noClasses().that().resideInAnyPackage(areas(CONNECTORS))
        .should().dependOnClassesThat().resideInAPackage(area("engine"))
        .because("connectors implement the core SPI and must work under any engine")
        .allowEmptyShould(true);
  }

  ArchRule engineDoesNotDependOnConnectors() {
    return noClasses().that().resideInAPackage(area("engine"))
        .should().dependOnClassesThat().resideInAnyPackage(areas(CONNECTORS))
        .because("the engine sees systems only through the core SPI")
        .allowEmptyShould(true);
  }

  ArchRule coreDependsOnNothingOfOurs() {
    return noClasses().that().resideInAPackage(area("core"))
        .should().dependOnClassesThat(resideInAPackage(root + "..").and(DescribedPredicate.not(resideInAPackage(area("core")))))
        .because("sdk-core is the bottom of the module graph")
        .allowEmptyShould(true);
  }

  ArchRule libraryDoesNotDependOnTheTestkit() {
    return noClasses().that().resideInAnyPackage(areas(LIBRARY))
        .should().dependOnClassesThat().resideInAPackage(area("testkit"))
        .because("the testkit (sandboxes, fakes, JUnit) must never reach a partner's production classpath")
        .allowEmptyShould(true);
  }

  ArchRule nothingLibrarySideDependsOnTheIntegration() {
    return noClasses().that().resideInAnyPackage(area("core"), area("engine"), area("salesforce"), area("exchequer"), area("testkit"))
        .should().dependOnClassesThat().resideInAPackage(area("integration"))
        .because("the reference integration sits on top of the engine and both connectors")
        .allowEmptyShould(true);
  }

  ArchRule internalPackagesStayInTheirArea() {
    ArchCondition<JavaClass> useNoForeignInternals = new ArchCondition<>("use internal packages of their own area only") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (isInternal(target) && !areaOf(target).equals(areaOf(origin))) {
            events.add(SimpleConditionEvent.violated(dependency,
                origin.getName() + " (area " + areaOf(origin) + ") uses " + target.getName() + ", internal to area " + areaOf(target)
                    + ": " + dependency.getDescription()));
          }
        }
      }
    };
    return classes().that().resideInAPackage(root + "..")
        .should(useNoForeignInternals)
        .because("internal packages are not API and may change at any time")
        .allowEmptyShould(true);
  }

  ArchRule noJavaUtilLogging() {
    return noClasses().that().resideInAPackage(root + "..")
        .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
        .because("library code logs through slf4j-api, so partners choose the back-end")
        .allowEmptyShould(true);
  }

  ArchRule noStandardStreams() {
    return noClasses().that().resideInAPackage(root + "..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("library code logs through slf4j; the console belongs to the embedding application")
        .allowEmptyShould(true);
  }

  ArchRule noDependencyInjectionContainers() {
    return noClasses().that().resideInAPackage(root + "..")
        .should().dependOnClassesThat().resideInAnyPackage(DI_CONTAINER_PACKAGES.toArray(String[]::new))
        .because("Tandem is container-neutral: a plain builder API plus jakarta.inject annotations on constructors")
        .allowEmptyShould(true);
  }

  ArchRule noFieldInjection() {
    return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
        .should(GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
        .because("constructor injection keeps objects complete and immutable")
        .allowEmptyShould(true);
  }

  ArchRule noMethodInjection() {
    return methods().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
        .should().notBeAnnotatedWith("jakarta.inject.Inject")
        .andShould().notBeAnnotatedWith("javax.inject.Inject")
        .because("only constructors carry @Inject")
        .allowEmptyShould(true);
  }

  ArchRule noPackageCycles() {
    // Checked among API (non-internal) packages, the structure partners compile against.
    // Internal packages are left out: an API package creating its own implementation
    // (StateStores.inMemory() -> internal.InMemoryStateStore, which implements the API interface)
    // is the intended API/internal split, and internals may be reshuffled at any time. Areas cannot
    // form cycles through internals either: the rules above forbid using another area's internals.
    DescribedPredicate<JavaClass> internal = DescribedPredicate.describe("internal", this::isInternal);
    DescribedPredicate<JavaClass> anything = DescribedPredicate.alwaysTrue();
    return slices().matching(root + ".(**)")
        .should().beFreeOfCycles()
        .ignoreDependency(anything, internal)
        .ignoreDependency(internal, anything)
        .allowEmptyShould(true);
  }

  ArchRule noOldDateAndTimeClasses() {
    return noClasses().that().resideInAPackage(root + "..")
        .should(dependOnClassesThat(DescribedPredicate.describe("are one of " + OLD_DATE_TIME_CLASSES,
            (JavaClass type) -> OLD_DATE_TIME_CLASSES.contains(type.getName()))))
        .because("java.time is the only date/time API across Tandem")
        .allowEmptyShould(true);
  }

  ArchRule noGenericExceptions() {
    return noClasses().that().resideInAPackage(root + "..")
        .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
        .because("failures are TandemException subtypes (retryable or permanent) or specific JDK exceptions")
        .allowEmptyShould(true);
  }

  ArchRule spiPackagesHoldOnlyContracts() {
    ArchCondition<JavaClass> beAContract = new ArchCondition<>("be interfaces, abstract classes, records, enums or exceptions") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (!isContractOrPartOfOne(type)) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is a concrete class in an SPI package"));
        }
      }
    };
    return classes().that().resideInAPackage(root + "..spi..")
        .should(beAContract)
        .because("SPI packages hold what partners implement or pass around; implementations live elsewhere")
        .allowEmptyShould(true);
  }

  private static boolean isContractOrPartOfOne(JavaClass type) {
    if (type.isInterface() || type.isEnum() || type.isRecord() || type.isAnnotation() || type.getModifiers().contains(JavaModifier.ABSTRACT)) {
      return true;
    }
    // An exception a contract's methods throw (ChangeReader#read's ChangeHistoryLostException) is
    // part of that contract: connectors throw it, the engine catches it.
    if (type.isAssignableTo(Throwable.class)) {
      return true;
    }
    // Anonymous and local classes are bodies of a contract's default or factory methods; a
    // record's Builder is part of the record.
    JavaClass enclosing = type.getEnclosingClass().orElse(null);
    if (enclosing == null) {
      return false;
    }
    if (type.isAnonymousClass() || type.isLocalClass()) {
      return isContractOrPartOfOne(enclosing);
    }
    return enclosing.isRecord() && type.getSimpleName().equals("Builder");
  }

  ArchRule noInternalTypesInPublicApi() {
    ArchCondition<JavaClass> exposeNoInternalTypes = new ArchCondition<>("expose no internal type in their public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (!isPublicApi(type)) {
          return;
        }
        Map<String, Set<JavaClass>> exposed = new LinkedHashMap<>();
        type.getSuperclass().ifPresent(superclass -> collect(exposed, "extends", superclass));
        type.getInterfaces().forEach(iface -> collect(exposed, "implements", iface));
        for (JavaField field : type.getFields()) {
          if (isVisibleOutside(field)) {
            collect(exposed, "field " + field.getName(), field.getType());
          }
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          if (!isVisibleOutside(unit) || unit.getModifiers().contains(JavaModifier.SYNTHETIC) || unit.getModifiers().contains(JavaModifier.BRIDGE)) {
            continue;
          }
          String where = unit.isConstructor() ? "constructor" : "method " + unit.getName() + "()";
          collect(exposed, where + " return", unit.getReturnType());
          unit.getParameterTypes().forEach(parameter -> collect(exposed, where + " parameter", parameter));
          unit.getExceptionTypes().forEach(thrown -> collect(exposed, where + " throws", thrown));
        }
        exposed.forEach((where, internals) -> internals.forEach(internal -> events.add(SimpleConditionEvent.violated(type,
            type.getName() + " exposes internal type " + internal.getName() + " in its " + where))));
      }

      private void collect(Map<String, Set<JavaClass>> exposed, String where, JavaType signatureType) {
        for (JavaClass involved : signatureType.getAllInvolvedRawTypes()) {
          if (isInternal(involved)) {
            exposed.computeIfAbsent(where, k -> new LinkedHashSet<>()).add(involved);
          }
        }
      }
    };
    return classes().that().resideInAPackage(root + "..")
        .should(exposeNoInternalTypes)
        .because("a partner compiling against an internal type breaks when it changes")
        .allowEmptyShould(true);
  }

  /** Public, outside internal packages, and reachable: every enclosing class public too. */
  private boolean isPublicApi(JavaClass type) {
    if (isInternal(type) || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
      if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisibleOutside(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  ArchRule everyPackageIsNullMarked() {
    ArchCondition<JavaClass> liveInANullMarkedPackage = new ArchCondition<>("reside in a package whose package-info is @NullMarked") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean marked = type.getPackage().isAnnotatedWith("org.jspecify.annotations.NullMarked");
        if (!marked) {
          events.add(SimpleConditionEvent.violated(type, "package " + type.getPackageName() + " of " + type.getName()
              + " has no package-info.java annotated @org.jspecify.annotations.NullMarked"));
        }
      }
    };
    return classes().that().resideInAPackage(root + "..")
        .should(liveInANullMarkedPackage)
        .because("everything is non-null unless marked @Nullable")
        .allowEmptyShould(true);
  }

  /** Every rule, for callers that want to check them all. */
  List<ArchRule> all() {
    return List.of(
        everyClassBelongsToAKnownArea(),
        connectorsDoNotDependOnEachOther(),
        connectorsDoNotDependOnTheEngine(),
        engineDoesNotDependOnConnectors(),
        coreDependsOnNothingOfOurs(),
        libraryDoesNotDependOnTheTestkit(),
        nothingLibrarySideDependsOnTheIntegration(),
        internalPackagesStayInTheirArea(),
        noJavaUtilLogging(),
        noStandardStreams(),
        noDependencyInjectionContainers(),
        noFieldInjection(),
        noMethodInjection(),
        noPackageCycles(),
        noOldDateAndTimeClasses(),
        noGenericExceptions(),
        spiPackagesHoldOnlyContracts(),
        noInternalTypesInPublicApi(),
        everyPackageIsNullMarked());
  }
}
