package io.github.tandemsync.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Release readiness of the build layout, read from the POMs of this checkout: the BOM lists exactly
 * the published modules, non-published modules stay off Maven Central, every jar module has its
 * own {@code Automatic-Module-Name}, and the jars on this module's class path carry it in their
 * manifests.
 */
class BuildLayoutTest {

  private static final String GROUP = "io.github.tandemsync";

  /** Modules that must never reach Maven Central. */
  private static final Set<String> NEVER_PUBLISHED = Set.of("tandem-architecture-tests", "tandem-examples", "tandem-benchmarks");

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

  /** A module as its POM declares it. */
  record Module(String folder, String artifactId, String packaging, boolean published, String automaticModuleName) {}

  private static final List<Module> MODULES = readModules();

  @Test
  void bomListsExactlyThePublishedModules() {
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    Set<String> listed = managedTandemArtifacts(bom);
    Set<String> published = MODULES.stream().filter(m -> m.published() && m.packaging().equals("jar")).map(Module::artifactId).collect(Collectors.toCollection(TreeSet::new));

    assertEquals(published, listed, "bom/pom.xml must list every published module and nothing else");
    assertTrue(directChildren(bom.getDocumentElement(), "parent").isEmpty(), "the BOM must not inherit from tandem-parent");
  }

  @Test
  void parentManagesTheSameModulesAsTheBom() {
    Set<String> inParent = managedTandemArtifacts(parse(ROOT.resolve("pom.xml")));
    Set<String> inBom = managedTandemArtifacts(parse(ROOT.resolve("bom/pom.xml")));

    assertEquals(inBom, inParent, "the parent's dependencyManagement lists the same Tandem modules as the BOM");
  }

  @Test
  void nonPublishedModulesSkipPublishing() {
    for (Module module : MODULES) {
      if (NEVER_PUBLISHED.contains(module.artifactId())) {
        assertFalse(module.published(), module.folder() + " must set tandem.skipPublishing to true");
      }
    }
    Set<String> artifacts = MODULES.stream().map(Module::artifactId).collect(Collectors.toSet());
    assertTrue(artifacts.containsAll(NEVER_PUBLISHED), "expected modules " + NEVER_PUBLISHED + " in " + artifacts);
  }

  @Test
  void everyJarModuleHasItsOwnAutomaticModuleName() {
    Map<String, String> seen = new LinkedHashMap<>();
    for (Module module : MODULES) {
      if (!module.packaging().equals("jar")) {
        continue;
      }
      String name = module.automaticModuleName();
      assertTrue(name.matches("io\\.github\\.tandemsync\\.[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*") && !name.equals("io.github.tandemsync.parent"),
          module.folder() + " has Automatic-Module-Name '" + name + "'");
      String clash = seen.put(name, module.folder());
      assertNull(clash, module.folder() + " and " + clash + " share Automatic-Module-Name " + name);
    }
  }

  /**
   * Reads the manifests of the Tandem jars this module depends on. In a reactor build run to
   * {@code verify} (CI) and in a single-module build they are jars; a reactor build stopping at
   * {@code test} puts class directories on the class path instead, which have no manifest, and the
   * test is skipped.
   */
  @Test
  void jarManifestsCarryTheirAutomaticModuleName() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> notJars = new ArrayList<>();
    for (Module module : MODULES) {
      if (!module.published() || !module.packaging().equals("jar")) {
        continue;
      }
      URL descriptor = getClass().getClassLoader().getResource("META-INF/maven/" + GROUP + "/" + module.artifactId() + "/pom.properties");
      if (descriptor == null || !descriptor.getProtocol().equals("jar")) {
        notJars.add(module.artifactId());
        continue;
      }
      JarURLConnection connection = (JarURLConnection) descriptor.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Manifest manifest = jar.getManifest();
        assertNotNull(manifest, "no manifest in " + jar.getName());
        String declared = manifest.getMainAttributes().getValue("Automatic-Module-Name");
        assertEquals(module.automaticModuleName(), declared, "Automatic-Module-Name in " + jar.getName());
        String version = manifest.getMainAttributes().getValue("Implementation-Version");
        assertTrue(version != null && !version.isBlank(),
            "no Implementation-Version in " + jar.getName() + " (Connector.version() reads it; a jar installed before the parent POM added it needs reinstalling)");
      }
      checked.add(module.artifactId());
    }
    assumeTrue(!checked.isEmpty(), "no Tandem jar on the class path (class directories instead): " + notJars);
    assertEquals(List.of(), notJars, "published modules on the class path as directories, not jars");
  }

  private static List<Module> readModules() {
    Document root = parse(ROOT.resolve("pom.xml"));
    Element modules = directChildren(root.getDocumentElement(), "modules").get(0);
    List<Module> result = new ArrayList<>();
    for (Element module : directChildren(modules, "module")) {
      String folder = module.getTextContent().strip();
      Element project = parse(ROOT.resolve(folder).resolve("pom.xml")).getDocumentElement();
      String artifactId = text(project, "artifactId", "");
      String packaging = text(project, "packaging", "jar");
      Element properties = directChildren(project, "properties").stream().findFirst().orElse(null);
      boolean skip = properties != null && Boolean.parseBoolean(text(properties, "tandem.skipPublishing", "false"));
      String moduleName = properties == null ? "" : text(properties, "automatic.module.name", "");
      result.add(new Module(folder, artifactId, packaging, !skip, moduleName));
    }
    assertFalse(result.isEmpty(), "no modules in " + ROOT.resolve("pom.xml"));
    return result;
  }

  private static Set<String> managedTandemArtifacts(Document pom) {
    Set<String> artifacts = new TreeSet<>();
    for (Element management : directChildren(pom.getDocumentElement(), "dependencyManagement")) {
      for (Element dependencies : directChildren(management, "dependencies")) {
        for (Element dependency : directChildren(dependencies, "dependency")) {
          if (text(dependency, "groupId", "").equals(GROUP)) {
            artifacts.add(text(dependency, "artifactId", ""));
          }
        }
      }
    }
    return artifacts;
  }

  private static Document parse(Path pom) {
    assertTrue(Files.isRegularFile(pom), "missing " + pom);
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static List<Element> directChildren(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        children.add(element);
      }
    }
    return children;
  }

  private static String text(Element parent, String name, String fallback) {
    List<Element> found = directChildren(parent, name);
    return found.isEmpty() ? fallback : found.get(0).getTextContent().strip();
  }
}
