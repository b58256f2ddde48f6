package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.gateway.GatewayResult;
import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes an account's primary contact into its single {@code acContact} field (25 characters):
 * the salutation when given, else title, first name and last name. Exchequer keeps one such
 * contact per account, so the contact's native id is the account code. The current value is read
 * first: an unchanged contact costs no Toolkit call.
 */
final class ContactWriter implements RecordWriter<Contact> {
  private final ExchequerWriteGateway gateway;
  private final SqlLookups lookups;
  private final List<MappingCustomizer<Contact>> customizers;

  ContactWriter(ReadContext context, ExchequerWriteGateway gateway, List<MappingCustomizer<Contact>> customizers) {
    this.gateway = gateway;
    this.lookups = new SqlLookups(context.database());
    this.customizers = List.copyOf(customizers);
  }

  @Override
  public List<WriteOutcome<Contact>> write(List<WriteRequest<Contact>> batch) {
    List<WriteOutcome<Contact>> outcomes = new ArrayList<>(batch.size());
    for (WriteRequest<Contact> request : batch) {
      outcomes.add(writeOne(request));
    }
    return outcomes;
  }

  private WriteOutcome<Contact> writeOne(WriteRequest<Contact> request) {
    if (!gateway.operations().contains(ExchequerWriteGateway.Operation.UPDATE_ACCOUNT)) {
      return WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot change an account's contact; "
          + "configure the Toolkit bridge");
    }
    try {
      if (request.operation() == WriteRequest.Operation.DELETE) {
        String code = request.targetId().orElseThrow();
        return apply(code, "", null, true);
      }
      Contact contact = request.value().orElseThrow();
      String code = request.targetId().or(() -> contact.accountCode()).map(c -> Decode.upper(c.strip()))
          .orElseThrow(() -> new InvalidRecordException("Contact", null, "accountCode",
              "is required: Exchequer keeps a contact on its account"));
      // The salutation is the whole acContact text; an edit of the name itself (and not of the
      // salutation) writes the new name, or a salutation read from Exchequer once would freeze it.
      java.util.Set<String> changed = request.changedFields();
      boolean nameEdited = !request.isCreate() && !changed.contains("salutation")
          && (changed.contains("title") || changed.contains("firstName") || changed.contains("lastName"));
      Optional<String> salutation = contact.salutation().filter(s -> !s.isBlank()).map(String::strip).filter(s -> !nameEdited);
      String text = salutation.orElseGet(() -> ContactNames.join(contact.title(), contact.firstName(), contact.lastName()));
      WriteSupport.fit(gateway, "Contact", code, salutation.isPresent() ? "salutation" : "lastName", "acContact", text);
      return apply(code, text, contact, request.isCreate());
    } catch (InvalidRecordException e) {
      return WriteSupport.invalid(e);
    }
  }

  private WriteOutcome<Contact> apply(String code, String text, @Nullable Contact contact, boolean create) {
    Optional<ToolkitRecord> account = lookups.accountByCode(code);
    if (account.isEmpty()) {
      return WriteOutcome.failed(new io.github.tandemsync.core.spi.SyncError("4", "Contact of account " + code
          + ": the account does not exist in Exchequer", Optional.of("accountCode"), false));
    }
    String current = account.get().text("acContact").orElse("").strip();
    if (create && contact != null && !current.isEmpty() && !current.equalsIgnoreCase(text.strip())) {
      // one contact per account: a second CRM contact must not replace the one already linked
      return WriteOutcome.failed(new io.github.tandemsync.core.spi.SyncError("CONTACT_TAKEN", "Contact '" + text.strip()
          + "' of account " + code + ": Exchequer keeps one contact per account and " + code + " already has '" + current
          + "'; this contact stays in the CRM only", Optional.of("accountCode"), false));
    }
    ToolkitNative target = ToolkitNative.of("Account", java.util.Map.of("acContact", text));
    if (contact != null) {
      WriteSupport.customize(customizers, contact, target);
    }
    ToolkitRecord changes = target.build();
    boolean same = true;
    for (var property : changes.properties().entrySet()) {
      same &= account.get().text(property.getKey()).orElse("").equals(String.valueOf(property.getValue()).strip());
    }
    if (same) {
      return contact == null ? WriteOutcome.deleted(code) : WriteOutcome.<Contact>unchanged(code).withStored(asRead(contact, text));
    }
    GatewayResult result = gateway.updateAccount(code, changes);
    if (result.isSuccess() && contact == null) {
      return WriteOutcome.deleted(code);
    }
    Contact written = contact == null ? null : asRead(contact, text);
    WriteOutcome<Contact> outcome = WriteSupport.outcome(result, "Contact", "of account " + code, r -> code,
        r -> written, r -> r.field().filter("acContact"::equals).map(f -> "lastName"));
    if (outcome.status() == WriteOutcome.Status.UPDATED && create) {
      return WriteOutcome.<Contact>created(code).withStored(written);
    }
    return outcome;
  }

  /**
   * What Exchequer now holds: acContact, the one text, is read back as the salutation. The names
   * stay as written: splitting the text again is a guess (is "van der Berg" a surname?) that must
   * not replace the names the CRM gave.
   */
  private static Contact asRead(Contact contact, String text) {
    return text.isBlank() ? contact : contact.toBuilder().salutation(text.strip()).build();
  }

  @Override
  public FieldSet fields() {
    return WriteSupport.withCustomizers(FieldSet.of("accountCode", "title", "firstName", "lastName", "salutation"),
        customizers);
  }
}
