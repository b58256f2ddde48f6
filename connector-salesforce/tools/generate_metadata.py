#!/usr/bin/env python3
"""Writes the SFDX source of every custom object and field the connector's default mapping uses.

Run from connector-salesforce/: python3 tools/generate_metadata.py
MetadataConsistencyTest checks the output against DefaultMappings, so the two cannot drift apart.
"""
import os
import shutil

ROOT = "src/main/resources/io/github/tandemsync/salesforce/metadata"
SRC = ROOT + "/force-app/main/default"

T, N, I, B, D, C, L, A, LT = "Text", "Number", "Integer", "Checkbox", "Date", "Currency", "LongTextArea", "TextArea", "Lookup"

def ext():
    return ("ExternalId",)

# object -> (label, plural, is_custom, [(field, type, label, extra)])
OBJECTS = {}

def obj(name, label, plural, custom, fields, master=None):
    OBJECTS[name] = dict(label=label, plural=plural, custom=custom, fields=fields, master=master)

def f(name, typ, label=None, **kw):
    return dict(name=name, type=typ, label=label or name[:-3].replace("ERP_", "ERP ").replace("_", " "), **kw)

KEY = lambda label="ERP Id": f("ERP_Id__c", "ExternalId", label)

obj("Account", "Account", "Accounts", False, [
    KEY("ERP Id (C-/S- + account code)"),
    f("ERP_Email__c", "Email"), f("ERP_Default_Warehouse__c", T), f("ERP_Invoice_To__c", T),
    f("ERP_On_Stop__c", B), f("ERP_Closed__c", B), f("ERP_Currency__c", T, length=3),
    f("ERP_Credit_Limit__c", C), f("ERP_Overall_Discount__c", N, scale=4), f("ERP_Price_Band__c", T, length=10),
    f("ERP_Compound_Discount__c", I), f("ERP_VAT_Code__c", T, length=10), f("ERP_VAT_Registration__c", T, length=40),
    f("ERP_Settlement_Discount__c", N, scale=4), f("ERP_Settlement_Days__c", I), f("ERP_Department__c", T, length=20),
    f("ERP_Cost_Centre__c", T, length=20), f("ERP_Sales_GL_Code__c", T, length=20),
    # Balances are in the ERP's base currency (ERP_Balance_Currency__c), not the account's: Number, since a
    # Currency field would show them in the account's CurrencyIsoCode in a multi-currency org.
    f("ERP_Balance__c", N, scale=2), f("ERP_Balance_MTD__c", N, "ERP Balance Month to Date", scale=2),
    f("ERP_Balance_YTD__c", N, "ERP Balance Year to Date", scale=2), f("ERP_Balance_LYTD__c", N, "ERP Balance Last Year to Date", scale=2),
    f("ERP_Balance_Currency__c", T, "ERP Balance Currency", length=3),
])
obj("Contact", "Contact", "Contacts", False, [KEY(), f("ERP_Salutation__c", T), f("ERP_Role_Code__c", T, length=20)])
obj("Product2", "Product", "Products", False, [
    KEY("ERP Id (stock code)"), f("ERP_Alt_Code__c", T), f("ERP_Category_Code__c", T), f("ERP_Discount_Matrix_Code__c", T),
    f("ERP_Allow_Overall_Discount__c", B), f("ERP_Unit_Of_Sale__c", T), f("ERP_Default_Warehouse__c", T), f("ERP_Bin_Location__c", T),
    f("ERP_Cost_Centre__c", T, length=20), f("ERP_Department__c", T, length=20), f("ERP_Sell_Price__c", N, scale=4),
    f("ERP_Sell_Price_Currency__c", T, length=3), f("ERP_Cost_Price__c", N, scale=4), f("ERP_Cost_Price_Currency__c", T, length=3),
    f("ERP_Pack_Unit__c", T), f("ERP_VAT_Code__c", T, length=10), f("ERP_Barcode__c", T), f("ERP_Quantity_Type__c", T, length=20),
    f("ERP_Quantity_Factor__c", N, scale=4), f("ERP_Quantity_Decimals__c", I), f("ERP_Allow_Split__c", B), f("ERP_Stocked__c", B),
    f("ERP_Purchase_Cost__c", N, scale=4), f("ERP_Purchase_Currency__c", T, length=3), f("ERP_Unit_Weight__c", N, scale=4),
    f("ERP_Unit_Weight_Unit__c", T, length=10),
])
obj("Pricebook2", "Price Book", "Price Books", False, [KEY("ERP Id (price band)")])
obj("PricebookEntry", "Price Book Entry", "Price Book Entries", False, [KEY("ERP Id (band-stock code-currency)")])
obj("Order", "Order", "Orders", False, [
    KEY("ERP Id (order reference)"), f("ERP_Status__c", T, length=40), f("ERP_On_Hold__c", B), f("ERP_Requested_Date__c", D),
    f("ERP_Currency__c", T, length=3), f("ERP_Net_Total__c", C), f("ERP_Tax_Total__c", C), f("ERP_Outstanding_Total__c", C),
    f("ERP_External_Reference__c", T, "ERP External Reference"),
    f("ERP_Text_Lines__c", L, "ERP Text Lines (JSON)", length=131072),
])
obj("OrderItem", "Order Product", "Order Products", False, [
    KEY("ERP Id (order reference-line)"), f("ERP_Line_No__c", I), f("ERP_Discount__c", N, scale=4), f("ERP_Net_Amount__c", C),
    f("ERP_VAT_Code__c", T, length=10), f("ERP_Warehouse_Code__c", T, length=20),
])
obj("Quote", "Quote", "Quotes", False, [KEY("ERP Id (quote/order reference)"),
    f("ERP_Customer_Reference__c", T)])
obj("QuoteLineItem", "Quote Line Item", "Quote Line Items", False, [KEY("ERP Id (quote reference-line)")])

def coded(name, label, plural, extra):
    obj(name, label, plural, True, [KEY("ERP Code")] + extra)

coded("ERP_Product_Category__c", "ERP Product Category", "ERP Product Categories",
      [f("ERP_Description__c", T), f("ERP_Parent_Code__c", T)])
coded("ERP_Warehouse__c", "ERP Warehouse", "ERP Warehouses", [f("ERP_Name__c", T)])
obj("ERP_Stock_Level__c", "ERP Stock Level", "ERP Stock Levels", True, [
    KEY("ERP Id (stock code/warehouse)"), f("ERP_Product_Code__c", T), f("ERP_Warehouse_Code__c", T),
    f("ERP_Product__c", LT, "Product", refTo="Product2", rel="ERP_Stock_Levels"),
    f("ERP_Warehouse__c", LT, "Warehouse", refTo="ERP_Warehouse__c", rel="ERP_Stock_Levels"),
    f("ERP_In_Stock__c", N, scale=4), f("ERP_Allocated__c", N, scale=4), f("ERP_On_Order__c", N, scale=4),
    f("ERP_Free__c", N, scale=4), f("ERP_Picked__c", N, scale=4), f("ERP_Bin_Location__c", T),
])
coded("ERP_GL_Account__c", "ERP GL Account", "ERP GL Accounts",
      [f("ERP_Description__c", T), f("ERP_Type__c", T, length=40), f("ERP_Parent_Code__c", T), f("ERP_Obsolete__c", B)])
coded("ERP_Department__c", "ERP Department", "ERP Departments", [f("ERP_Description__c", T), f("ERP_Obsolete__c", B)])
coded("ERP_Cost_Centre__c", "ERP Cost Centre", "ERP Cost Centres", [f("ERP_Description__c", T), f("ERP_Obsolete__c", B)])
coded("ERP_Job__c", "ERP Job", "ERP Jobs", [
    f("ERP_Description__c", T), f("ERP_Parent_Code__c", T), f("ERP_Alt_Code__c", T), f("ERP_Contact__c", T), f("ERP_Manager__c", T),
    f("ERP_Completed__c", B), f("ERP_Start_Date__c", D), f("ERP_End_Date__c", D), f("ERP_Revised_End_Date__c", D),
    f("ERP_Record_Type__c", T, length=40), f("ERP_Job_Type__c", T), f("ERP_Charge_Type__c", T, length=40),
    f("ERP_Sales_Order_Number__c", T), f("ERP_Quoted_Price__c", N, scale=4), f("ERP_Quoted_Currency__c", T, length=3),
    f("ERP_QS_Code__c", T), f("ERP_Status__c", T, length=40), f("ERP_Customer_Code__c", T), f("ERP_Supplier_Code__c", T),
    f("ERP_User_Fields__c", L),
])
obj("ERP_Payment__c", "ERP Payment", "ERP Payments", True, [
    KEY("ERP Id (invoice reference)"), f("ERP_Due_Date__c", D), f("ERP_Paid__c", B), f("ERP_Outstanding__c", N, scale=2),
    f("ERP_Currency__c", T, length=3), f("ERP_Total__c", N, scale=2),
])

def ledger_doc(name, label, plural, line, line_label, line_plural, rel, date_field, extra):
    obj(name, label, plural, True, [
        KEY("ERP Id (document reference)"), f("ERP_Account__c", LT, "Account", refTo="Account", rel=plural.replace(" ", "_")),
        f("ERP_Ledger_Account__c", T), f("ERP_Quote_Reference__c", T), f("ERP_Order_Number__c", T),
        f("ERP_Customer_Reference__c", T), f(date_field, D), f("ERP_Due_Date__c", D), f("ERP_Currency__c", T, length=3),
        f("ERP_Net_Total__c", N, scale=2), f("ERP_Tax_Total__c", N, scale=2), f("ERP_Gross_Total__c", N, scale=2)] + extra)
    obj(line, line_label, line_plural, True, [
        KEY("ERP Id (document reference-line)"), f(name, "MasterDetail", label, refTo=name, rel=rel),
        f("ERP_Line_No__c", I), f("ERP_Product_Code__c", T), f("ERP_Description__c", T), f("ERP_Extended_Description__c", L),
        f("ERP_Delivery_Reference__c", T), f("ERP_GL_Code__c", T), f("ERP_Department__c", T, length=20),
        f("ERP_Cost_Centre__c", T, length=20), f("ERP_Warehouse_Code__c", T, length=20), f("ERP_Analysis_Code__c", T),
        f("ERP_Job_Code__c", T), f("ERP_Order_Quantity__c", N, scale=4), f("ERP_Delivered_Quantity__c", N, scale=4),
        f("ERP_Invoice_Quantity__c", N, scale=4), f("ERP_Quantity_Type__c", T, length=20), f("ERP_Quantity_Factor__c", N, scale=4),
        f("ERP_Currency__c", T, length=3), f("ERP_Unit_Price__c", N, scale=4), f("ERP_Cost_Price__c", N, scale=4),
        f("ERP_Cost_Value__c", N, scale=2), f("ERP_Net_Value__c", N, scale=2), f("ERP_Gross_Value__c", N, scale=2),
        f("ERP_Base_Net_Value__c", N, scale=2), f("ERP_Base_Currency__c", T, length=3), f("ERP_Base_Gross_Value__c", N, scale=2),
        f("ERP_Delivery_Date__c", D), f("ERP_Due_Date__c", D), f("ERP_Expire_Date__c", D), f("ERP_Contract__c", T),
        f("ERP_User_Fields__c", L)], master=name)

ledger_doc("ERP_Invoice__c", "ERP Invoice", "ERP Invoices", "ERP_Invoice_Line__c", "ERP Invoice Line", "ERP Invoice Lines",
           "ERP_Invoice_Lines", "ERP_Invoice_Date__c", [f("ERP_Order_Date__c", D)])
ledger_doc("ERP_Credit_Note__c", "ERP Credit Note", "ERP Credit Notes", "ERP_Credit_Note_Line__c", "ERP Credit Note Line",
           "ERP Credit Note Lines", "ERP_Credit_Note_Lines", "ERP_Credit_Date__c", [f("ERP_Invoice_Number__c", T)])
obj("ERP_Delivery__c", "ERP Delivery", "ERP Deliveries", True, [
    KEY("ERP Id (delivery reference)"), f("ERP_Order_Number__c", T), f("ERP_Order_Reference__c", T),
    f("ERP_External_Reference__c", T, "ERP External Reference"),
    f("ERP_Account__c", LT, "Account", refTo="Account", rel="ERP_Deliveries"), f("ERP_Delivery_Date__c", D),
    f("ERP_Customer_Reference__c", T), f("ERP_Delivery_Street__c", A), f("ERP_Delivery_City__c", T, length=40),
    f("ERP_Delivery_County__c", T, length=80), f("ERP_Delivery_Postcode__c", T, length=20), f("ERP_Delivery_Country__c", T, length=80),
])
obj("ERP_Delivery_Line__c", "ERP Delivery Line", "ERP Delivery Lines", True, [
    KEY("ERP Id (delivery reference-line)"),
    f("ERP_Delivery__c", "MasterDetail", "ERP Delivery", refTo="ERP_Delivery__c", rel="ERP_Delivery_Lines"),
    f("ERP_Line_No__c", I), f("ERP_Order_Line_No__c", I), f("ERP_Product_Code__c", T), f("ERP_Description__c", T),
    f("ERP_Quantity__c", N, scale=4), f("ERP_Picked_Quantity__c", N, scale=4), f("ERP_Warehouse_Code__c", T, length=20),
], master="ERP_Delivery__c")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def field_xml(fd):
    t = fd["type"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">',
           f'    <fullName>{fd["name"]}</fullName>']
    label = esc(fd["label"])[:40]
    if t == "ExternalId":
        out += [f'    <caseSensitive>true</caseSensitive>', '    <externalId>true</externalId>',
                f'    <label>{label}</label>', '    <length>80</length>', '    <required>false</required>',
                '    <type>Text</type>', '    <unique>true</unique>']
    elif t == T:
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', f'    <length>{fd.get("length", 255)}</length>',
                '    <required>false</required>', '    <type>Text</type>', '    <unique>false</unique>']
    elif t == "Email":
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', '    <required>false</required>',
                '    <type>Email</type>', '    <unique>false</unique>']
    elif t in (N, C, I):
        scale = 0 if t == I else fd.get("scale", 2)
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', '    <precision>18</precision>',
                '    <required>false</required>', f'    <scale>{scale}</scale>', f'    <type>{"Currency" if t == C else "Number"}</type>',
                '    <unique>false</unique>']
    elif t == B:
        out += ['    <defaultValue>false</defaultValue>', '    <externalId>false</externalId>', f'    <label>{label}</label>',
                '    <type>Checkbox</type>']
    elif t == D:
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', '    <required>false</required>', '    <type>Date</type>']
    elif t == L:
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', f'    <length>{fd.get("length", 32768)}</length>',
                '    <type>LongTextArea</type>', '    <visibleLines>3</visibleLines>']
    elif t == A:
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', '    <required>false</required>', '    <type>TextArea</type>']
    elif t == LT:
        out += ['    <deleteConstraint>SetNull</deleteConstraint>', '    <externalId>false</externalId>', f'    <label>{label}</label>',
                f'    <referenceTo>{fd["refTo"]}</referenceTo>', f'    <relationshipLabel>{esc(fd["rel"].replace("_", " "))}</relationshipLabel>',
                f'    <relationshipName>{fd["rel"]}</relationshipName>', '    <required>false</required>', '    <type>Lookup</type>']
    elif t == "MasterDetail":
        out += ['    <externalId>false</externalId>', f'    <label>{label}</label>', f'    <referenceTo>{fd["refTo"]}</referenceTo>',
                f'    <relationshipLabel>{esc(fd["rel"].replace("_", " "))}</relationshipLabel>',
                f'    <relationshipName>{fd["rel"]}</relationshipName>', '    <relationshipOrder>0</relationshipOrder>',
                '    <reparentableMasterDetail>false</reparentableMasterDetail>', '    <type>MasterDetail</type>',
                '    <writeRequiresMasterRead>false</writeRequiresMasterRead>']
    else:
        raise ValueError(t)
    out.append('</CustomField>')
    return "\n".join(out) + "\n"


def object_xml(name, o):
    sharing = "ControlledByParent" if o["master"] else "ReadWrite"
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>', '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <deploymentStatus>Deployed</deploymentStatus>', '    <enableActivities>false</enableActivities>',
        '    <enableHistory>false</enableHistory>', '    <enableReports>true</enableReports>', '    <enableSearch>true</enableSearch>',
        f'    <label>{esc(o["label"])}</label>', '    <nameField>', '        <label>Name</label>', '        <type>Text</type>',
        '    </nameField>', f'    <pluralLabel>{esc(o["plural"])}</pluralLabel>', f'    <sharingModel>{sharing}</sharingModel>',
        '    <visibility>Public</visibility>', '</CustomObject>']) + "\n"


def permission_set():
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">',
           '    <description>Access of the Tandem integration user to the ERP objects and fields the Salesforce connector reads and writes.</description>']
    for name in sorted(OBJECTS):
        for fd in sorted(OBJECTS[name]["fields"], key=lambda x: x["name"]):
            if fd["type"] == "MasterDetail":
                continue  # always readable and editable with the object; FLS cannot be set
            out += ['    <fieldPermissions>', '        <editable>true</editable>', f'        <field>{name}.{fd["name"]}</field>',
                    '        <readable>true</readable>', '    </fieldPermissions>']
    out += ['    <hasActivationRequired>false</hasActivationRequired>', '    <label>Tandem Integration</label>']
    for name in sorted(OBJECTS):
        if OBJECTS[name]["custom"]:
            out += ['    <objectPermissions>', '        <allowCreate>true</allowCreate>', '        <allowDelete>true</allowDelete>',
                    '        <allowEdit>true</allowEdit>', '        <allowRead>true</allowRead>',
                    '        <modifyAllRecords>false</modifyAllRecords>', f'        <object>{name}</object>',
                    '        <viewAllRecords>true</viewAllRecords>', '    </objectPermissions>']
    out.append('</PermissionSet>')
    return "\n".join(out) + "\n"


if os.path.isdir(SRC):
    shutil.rmtree(SRC)
for name, o in OBJECTS.items():
    d = f"{SRC}/objects/{name}"
    os.makedirs(d + "/fields", exist_ok=True)
    if o["custom"]:
        with open(f"{d}/{name}.object-meta.xml", "w") as fh:
            fh.write(object_xml(name, o))
    for fd in o["fields"]:
        with open(f"{d}/fields/{fd['name']}.field-meta.xml", "w") as fh:
            fh.write(field_xml(fd))
os.makedirs(f"{SRC}/permissionsets", exist_ok=True)
with open(f"{SRC}/permissionsets/Tandem_Integration.permissionset-meta.xml", "w") as fh:
    fh.write(permission_set())
with open(f"{ROOT}/sfdx-project.json", "w") as fh:
    fh.write('{\n  "packageDirectories": [\n    { "path": "force-app", "default": true }\n  ],\n'
             '  "name": "tandem-salesforce-metadata",\n  "namespace": "",\n  "sfdcLoginUrl": "https://login.salesforce.com",\n'
             '  "sourceApiVersion": "66.0"\n}\n')
print(sum(len(o["fields"]) for o in OBJECTS.values()), "fields in", len(OBJECTS), "objects")
