package io.github.tandemsync.testkit.salesforce.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Deploys custom objects and fields from an SFDX source-format folder: {@code
 * objects/<Object>/<Object>.object-meta.xml} and {@code objects/<Object>/fields/<Field>.field-meta.xml}.
 * Custom fields may also extend standard objects ({@code objects/Account/fields/ERP_Id__c.field-meta.xml}).
 */
final class MetadataDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataDeployer.class);

  private final Schema schema;

  MetadataDeployer(Schema schema) {
    this.schema = schema;
  }

  /** Deploys every object and field found under {@code sourceDir}. */
  void deploy(Path sourceDir) {
    if (!Files.isDirectory(sourceDir)) {
      throw new ConfigurationException("SFDX source folder does not exist: " + sourceDir);
    }
    List<Path> objectDirs = findObjectDirs(sourceDir);
    if (objectDirs.isEmpty()) {
      throw new ConfigurationException("no objects/<Object>/ folders under " + sourceDir);
    }
    // Objects first, so fields may reference objects deployed in the same folder.
    List<SObjectType> deployed = new ArrayList<>();
    for (Path objectDir : objectDirs) {
      deployed.add(deployObject(objectDir));
    }
    for (int i = 0; i < objectDirs.size(); i++) {
      deployFields(deployed.get(i), objectDirs.get(i));
    }
    for (int i = 0; i < objectDirs.size(); i++) {
      SObjectType type = deployed.get(i);
      boolean hasMaster = type.fields().stream().anyMatch(f -> f.cascadeDelete && f.custom && !f.nillable);
      if (type.custom && !hasMaster && type.field("OwnerId").isEmpty()) {
        StandardSchema.owner(type);
      }
      for (FieldDef field : type.fields()) {
        for (String target : field.referenceTo) {
          if (schema.type(target).isEmpty()) {
            throw new ConfigurationException("field " + type.name + "." + field.name + " references unknown object " + target);
          }
        }
      }
    }
  }

  private static List<Path> findObjectDirs(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isDirectory)
          .filter(p -> p.getParent() != null && p.getParent().getFileName() != null
              && p.getParent().getFileName().toString().equals("objects"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigurationException("cannot read SFDX source folder " + root, e);
    }
  }

  private SObjectType deployObject(Path objectDir) {
    String name = objectDir.getFileName().toString();
    Path objectFile = objectDir.resolve(name + ".object-meta.xml");
    Optional<SObjectType> existing = schema.type(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!name.endsWith("__c")) {
      throw new ConfigurationException("unknown standard object " + name + " in " + objectDir
          + " (custom objects end in __c)");
    }
    if (!Files.isRegularFile(objectFile)) {
      throw new ConfigurationException("custom object " + name + " has no " + objectFile.getFileName());
    }
    Element root = parse(objectFile);
    SObjectType type = new SObjectType(name, schema.allocateCustomPrefix(), true);
    type.label = text(root, "label").orElse(name);
    type.labelPlural = text(root, "pluralLabel").orElse(type.label);
    StandardSchema.systemFields(type);
    Element nameField = child(root, "nameField");
    String nameType = nameField == null ? "Text" : text(nameField, "type").orElse("Text");
    FieldDef nameDef;
    if (nameType.equals("AutoNumber")) {
      String format = nameField == null ? null : text(nameField, "displayFormat").orElse(null);
      if (format == null) {
        throw new ConfigurationException(objectFile + ": AutoNumber name field needs a displayFormat");
      }
      nameDef = StandardSchema.autoNumber("Name", format);
      nameDef.length = 80;
    } else if (nameType.equals("Text")) {
      nameDef = StandardSchema.text("Name", 80);
      nameDef.defaultedOnCreate = true;
      nameDef.nillable = true;
    } else {
      throw new ConfigurationException(objectFile + ": name field type " + nameType + " is not Text or AutoNumber");
    }
    if (nameField != null) {
      nameDef.label = text(nameField, "label").orElse("Name");
    }
    type.add(nameDef);
    schema.add(type);
    return type;
  }

  private void deployFields(SObjectType type, Path objectDir) {
    Path fieldsDir = objectDir.resolve("fields");
    if (!Files.isDirectory(fieldsDir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(fieldsDir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".field-meta.xml")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigurationException("cannot list " + fieldsDir, e);
    }
    for (Path file : files) {
      FieldDef field = field(file);
      if (!field.name.endsWith("__c")) {
        throw new ConfigurationException(file + ": custom field names end in __c, got " + field.name);
      }
      type.add(field);
    }
  }

  private FieldDef field(Path file) {
    Element root = parse(file);
    String fileName = file.getFileName().toString();
    String name = text(root, "fullName").orElse(fileName.substring(0, fileName.length() - ".field-meta.xml".length()));
    String type = text(root, "type").orElse(null);
    boolean formula = text(root, "formula").isPresent();
    if (type == null) {
      throw new ConfigurationException(file + ": field " + name + " has no <type>");
    }
    FieldDef field;
    switch (type) {
      case "Text" -> field = StandardSchema.text(name, intValue(root, "length", file).orElse(255));
      case "TextArea" -> field = new FieldDef(name, FieldType.TEXTAREA).length(255);
      case "LongTextArea", "Html" -> field = new FieldDef(name, FieldType.LONG_TEXTAREA)
          .length(intValue(root, "length", file).orElse(32768));
      case "Number" -> field = StandardSchema.decimal(name, intValue(root, "precision", file).orElse(18),
          intValue(root, "scale", file).orElse(0));
      case "Currency" -> field = StandardSchema.currency(name, intValue(root, "precision", file).orElse(18),
          intValue(root, "scale", file).orElse(2));
      case "Percent" -> field = StandardSchema.percent(name, intValue(root, "precision", file).orElse(18),
          intValue(root, "scale", file).orElse(2));
      case "Checkbox" -> field = StandardSchema.checkbox(name, text(root, "defaultValue").map(Boolean::parseBoolean).orElse(false));
      case "Date" -> field = StandardSchema.date(name);
      case "DateTime" -> field = StandardSchema.dateTime(name);
      case "Email" -> field = StandardSchema.email(name);
      case "Phone" -> field = StandardSchema.phone(name);
      case "Url" -> field = StandardSchema.url(name);
      case "Picklist" -> field = picklist(name, root);
      case "Lookup", "MasterDetail" -> field = reference(name, type, root, file);
      case "AutoNumber" -> field = StandardSchema.autoNumber(name, text(root, "displayFormat")
          .orElseThrow(() -> new ConfigurationException(file + ": AutoNumber field needs a displayFormat")));
      default -> throw new ConfigurationException(file + ": field type " + type + " is not supported by the sandbox");
    }
    field.custom = true;
    field.label = text(root, "label").orElse(name);
    if (bool(root, "required")) {
      field.nillable = false;
    }
    if (bool(root, "externalId")) {
      if (!(field.type == FieldType.STRING || field.type.isNumber() || field.type == FieldType.EMAIL || field.autoNumber)) {
        throw new ConfigurationException(file + ": only text, number, email and auto-number fields can be external ids");
      }
      field.externalId = true;
      field.idLookup = true;
    }
    field.unique = bool(root, "unique");
    field.caseSensitive = bool(root, "caseSensitive");
    if (field.unique && field.type.isText()) {
      field.idLookup = true;
    }
    Optional<String> defaultValue = text(root, "defaultValue");
    if (defaultValue.isPresent() && field.type != FieldType.BOOLEAN) {
      Object value = literalDefault(defaultValue.get(), field);
      if (value != null) {
        field.defaultValue = value;
        field.defaultedOnCreate = true;
      }
    }
    if (formula) {
      // Formulas are not evaluated: the field exists, is read-only and always empty.
      LOG.warn("{}: formula field {} is deployed read-only and stays empty in the sandbox", file, name);
      field.calculated = true;
      field.createable = false;
      field.updateable = false;
      field.nillable = true;
    }
    return field;
  }

  private static @Nullable Object literalDefault(String expression, FieldDef field) {
    String trimmed = expression.trim();
    if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"") || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    if (field.type.isNumber()) {
      try {
        return new BigDecimal(trimmed);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static FieldDef picklist(String name, Element root) {
    FieldDef field = StandardSchema.picklist(name, false);
    Element valueSet = child(root, "valueSet");
    if (valueSet == null) {
      return field;
    }
    field.restrictedPicklist = bool(valueSet, "restricted");
    Element definition = child(valueSet, "valueSetDefinition");
    if (definition != null) {
      for (Element value : children(definition, "value")) {
        String fullName = text(value, "fullName").orElse(null);
        if (fullName != null) {
          field.picklistValues.add(fullName);
          if (bool(value, "default")) {
            field.defaultValue = fullName;
            field.defaultedOnCreate = true;
          }
        }
      }
    }
    return field;
  }

  private FieldDef reference(String name, String type, Element root, Path file) {
    String target = text(root, "referenceTo")
        .orElseThrow(() -> new ConfigurationException(file + ": " + type + " field " + name + " needs <referenceTo>"));
    String relationship = text(root, "relationshipName")
        .orElseThrow(() -> new ConfigurationException(file + ": " + type + " field " + name + " needs <relationshipName>"));
    // Child-to-parent uses the field name (Account__c -> Account__r); parent-to-child the relationshipName.
    FieldDef field = StandardSchema.lookup(name, name.substring(0, name.length() - 3) + "__r", target);
    field.childRelationshipName = relationship + "__r";
    if (type.equals("MasterDetail")) {
      field.nillable = false;
      field.cascadeDelete = true;
      field.updateable = bool(root, "reparentableMasterDetail");
    } else {
      field.cascadeDelete = text(root, "deleteConstraint").map("Cascade"::equals).orElse(false);
    }
    return field;
  }

  private static Optional<Integer> intValue(Element root, String tag, Path file) {
    Optional<String> text = text(root, tag);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text.get().trim()));
    } catch (NumberFormatException e) {
      throw new ConfigurationException(file + ": <" + tag + "> is not a number: " + text.get());
    }
  }

  private static boolean bool(Element root, String tag) {
    return text(root, tag).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
  }

  private static Optional<String> text(Element parent, String tag) {
    Element element = child(parent, tag);
    return element == null ? Optional.empty() : Optional.of(element.getTextContent().trim());
  }

  private static @Nullable Element child(Element parent, String tag) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && localName(element).equals(tag)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> list = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && localName(element).equals(tag)) {
        list.add(element);
      }
    }
    return list;
  }

  private static String localName(Element element) {
    String local = element.getLocalName();
    return local != null ? local : element.getTagName().replaceFirst("^.*:", "");
  }

  private static Element parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      Document document = builder.parse(in);
      return document.getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new ConfigurationException("cannot parse metadata file " + file + ": " + e.getMessage(), e);
    }
  }
}
