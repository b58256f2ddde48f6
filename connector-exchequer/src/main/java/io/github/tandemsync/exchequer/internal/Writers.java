package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.exchequer.AccountCodeGenerator;
import io.github.tandemsync.exchequer.ExchequerOptions;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the record writers the gateway's operations allow. */
public final class Writers {
  private final ReadContext context;
  private final ExchequerWriteGateway gateway;
  private final AccountCodeGenerator codes;
  private final Map<EntityType<?>, List<MappingCustomizer<?>>> customizers;

  public Writers(ReadContext context, ExchequerWriteGateway gateway, AccountCodeGenerator codes,
      Map<EntityType<?>, List<MappingCustomizer<?>>> customizers) {
    this.context = context;
    this.gateway = gateway;
    this.codes = codes;
    this.customizers = customizers;
  }

  /** The entity types the gateway lets the connector write. */
  public List<EntityType<?>> writable() {
    Set<Operation> operations = gateway.operations();
    Set<ExchequerOptions.DocumentType> documents = context.options().documentTypes();
    List<EntityType<?>> types = new ArrayList<>();
    if (operations.contains(Operation.ADD_ACCOUNT) || operations.contains(Operation.UPDATE_ACCOUNT)) {
      types.add(EntityTypes.ACCOUNT);
    }
    if (operations.contains(Operation.UPDATE_ACCOUNT)) {
      types.add(EntityTypes.CONTACT);
    }
    boolean quotesAsOrders = context.options().quoteTarget() == ExchequerOptions.QuoteTarget.ORDER;
    if (quotesAsOrders ? operations.contains(Operation.ADD_ORDER) && documents.contains(ExchequerOptions.DocumentType.SOR)
        : operations.contains(Operation.ADD_QUOTE) && documents.contains(ExchequerOptions.DocumentType.SQU)) {
      types.add(EntityTypes.QUOTE);
    }
    if (operations.contains(Operation.ADD_ORDER) && documents.contains(ExchequerOptions.DocumentType.SOR)) {
      types.add(EntityTypes.ORDER);
    }
    if (operations.contains(Operation.ADD_DELIVERY) && documents.contains(ExchequerOptions.DocumentType.SDN)) {
      types.add(EntityTypes.DELIVERY);
    }
    return types;
  }

  @SuppressWarnings("unchecked")
  private <T> List<MappingCustomizer<T>> customizers(EntityType<T> type) {
    return (List<MappingCustomizer<T>>) (List<?>) customizers.getOrDefault(type, List.of());
  }

  private <T> TransactionWriters.Base<T> readingBack(TransactionWriters.Base<T> writer, EntityType<T> type) {
    Optional<ChangeReader<T>> reader = new Readers(context).reader(type, customizers(type));
    reader.ifPresent(r -> writer.readBack = ids -> {
      Map<String, T> values = new HashMap<>();
      for (Change<T> change : r.fetch(ids)) {
        change.value().ifPresent(v -> values.put(change.nativeId(), v));
      }
      return values;
    });
    return writer;
  }

  /** The writer of {@code type}; empty when the gateway cannot write it. */
  @SuppressWarnings("unchecked")
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    if (!writable().contains(type)) {
      return Optional.empty();
    }
    Object writer = switch (type.name()) {
      case "account" -> new AccountWriter(context, gateway, codes, customizers(EntityTypes.ACCOUNT));
      case "contact" -> new ContactWriter(context, gateway, customizers(EntityTypes.CONTACT));
      case "quote" -> new TransactionWriters.QuoteWriter(context, gateway, customizers(EntityTypes.QUOTE));
      case "order" -> readingBack(new TransactionWriters.OrderWriter(context, gateway, customizers(EntityTypes.ORDER)), EntityTypes.ORDER);
      case "delivery" -> readingBack(new TransactionWriters.DeliveryWriter(context, gateway, customizers(EntityTypes.DELIVERY)),
          EntityTypes.DELIVERY);
      default -> null;
    };
    return Optional.ofNullable((RecordWriter<T>) writer);
  }

}
