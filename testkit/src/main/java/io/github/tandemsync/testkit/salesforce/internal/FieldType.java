package io.github.tandemsync.testkit.salesforce.internal;

/** Salesforce field types as describe reports them, with their SOAP types. */
public enum FieldType {
  ID("id", "tns:ID"),
  STRING("string", "xsd:string"),
  TEXTAREA("textarea", "xsd:string"),
  /** Long text area: describe says {@code textarea}; it cannot be filtered or sorted. */
  LONG_TEXTAREA("textarea", "xsd:string"),
  EMAIL("email", "xsd:string"),
  PHONE("phone", "xsd:string"),
  URL("url", "xsd:string"),
  PICKLIST("picklist", "xsd:string"),
  BOOLEAN("boolean", "xsd:boolean"),
  INT("int", "xsd:int"),
  DOUBLE("double", "xsd:double"),
  CURRENCY("currency", "xsd:double"),
  PERCENT("percent", "xsd:double"),
  DATE("date", "xsd:date"),
  DATETIME("datetime", "xsd:dateTime"),
  REFERENCE("reference", "tns:ID");

  private final String describeName;
  private final String soapType;

  FieldType(String describeName, String soapType) {
    this.describeName = describeName;
    this.soapType = soapType;
  }

  /** The {@code type} value in describe results. */
  public String describeName() {
    return describeName;
  }

  /** The {@code soapType} value in describe results. */
  public String soapType() {
    return soapType;
  }

  /** Whether values are text (compared case-insensitively in SOQL). */
  public boolean isText() {
    return switch (this) {
      case STRING, TEXTAREA, LONG_TEXTAREA, EMAIL, PHONE, URL, PICKLIST -> true;
      default -> false;
    };
  }

  /** Whether values are ids. */
  public boolean isId() {
    return this == ID || this == REFERENCE;
  }

  /** Whether values are numbers. */
  public boolean isNumber() {
    return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
  }
}
