package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.gateway.GatewayResult;
import io.github.tandemsync.exchequer.gateway.ImporterCsvGateway;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the record writers share: field limits, Toolkit ↔ canonical field names, outcomes. */
final class WriteSupport {
  static final DateTimeFormatter TOOLKIT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** Widths the Toolkit keeps (reference §5 and the Importer layouts); longer values are refused before sending. */
  static final Map<String, Integer> WIDTHS = Map.ofEntries(
      Map.entry("acCode", 6), Map.entry("acCompany", 45), Map.entry("acAddress", 30), Map.entry("acDelAddress", 30),
      Map.entry("acPostCode", 20), Map.entry("acDeliveryPostCode", 20), Map.entry("acCountry", 2),
      Map.entry("acDeliveryCountry", 2), Map.entry("acContact", 25), Map.entry("acPhone", 30), Map.entry("acFax", 30),
      Map.entry("acEmailAddr", 100), Map.entry("acVATRegNo", 30), Map.entry("acVATCode", 1), Map.entry("acDiscountBand", 1),
      Map.entry("acInvoiceTo", 6), Map.entry("acLocation", 3), Map.entry("acCostCentre", 3), Map.entry("acDepartment", 3),
      Map.entry("acAltCode", 20), Map.entry("thAcCode", 6), Map.entry("thYourRef", 20), Map.entry("thLongYourRef", 20),
      Map.entry("thDelAddress", 30), Map.entry("thDeliveryPostCode", 20), Map.entry("thOrderRef", 10),
      Map.entry("tlStockCode", 16), Map.entry("tlDescr", 60), Map.entry("tlLocation", 3), Map.entry("tlVATCode", 1),
      Map.entry("tlCostCentre", 3), Map.entry("tlDepartment", 3), Map.entry("tlJobCode", 10));

  /** The Importer's layout D is narrower for a few fields. */
  static final Map<String, Integer> IMPORTER_WIDTHS = Map.of("thYourRef", 10, "tlDescr", 55);

  private WriteSupport() {}

  static int width(ExchequerWriteGateway gateway, String property) {
    if (gateway instanceof ImporterCsvGateway && IMPORTER_WIDTHS.containsKey(property)) {
      return IMPORTER_WIDTHS.get(property);
    }
    return WIDTHS.getOrDefault(property, Integer.MAX_VALUE);
  }

  /** Rejects a value longer than its Exchequer field, naming the canonical field. */
  static String fit(ExchequerWriteGateway gateway, String entity, String recordId, String field, String property,
      String value) {
    int width = width(gateway, property);
    if (value.length() > width) {
      throw new InvalidRecordException(entity, recordId, field, "is " + value.length() + " characters; Exchequer "
          + property + " holds at most " + width);
    }
    return value;
  }

  static String date(LocalDate date) {
    return TOOLKIT_DATE.format(date);
  }

  /** A failed outcome for a record the connector refused before sending. */
  static <T> WriteOutcome<T> invalid(InvalidRecordException e) {
    return WriteOutcome.failed(new SyncError("EXQ-INVALID", e.getMessage(), e.field(), false));
  }

  static <T> WriteOutcome<T> unsupported(String message) {
    return WriteOutcome.failed(SyncError.permanent("EXQ-UNSUPPORTED", message));
  }

  /**
   * The engine's outcome for a gateway result: stored (created, existing → unchanged, updated) with
   * the value Exchequer assigned; pending and transient failures retryable; rejections permanent,
   * naming the canonical field the Toolkit property stands for.
   */
  static <T> WriteOutcome<T> outcome(GatewayResult result, String entity, String describe,
      Function<GatewayResult, String> nativeId, Function<GatewayResult, T> stored,
      Function<GatewayResult, Optional<String>> canonicalField) {
    switch (result.status()) {
      case CREATED:
        return WriteOutcome.<T>created(nativeId.apply(result)).withStored(stored.apply(result));
      case EXISTING:
        return WriteOutcome.<T>unchanged(nativeId.apply(result)).withStored(stored.apply(result));
      case UPDATED:
        return WriteOutcome.<T>updated(nativeId.apply(result)).withStored(stored.apply(result));
      case PENDING:
        return WriteOutcome.failed(new SyncError("EXQ-PENDING", entity + " " + describe + ": " + result.message(),
            Optional.empty(), true));
      default: {
        Optional<String> field = canonicalField.apply(result);
        String where = result.field().map(p -> " [" + p + result.line().map(l -> " line " + l).orElse("") + "]").orElse(
            result.line().map(l -> " [line " + l + "]").orElse(""));
        String code = Integer.toString(result.resultCode());
        String text = entity + " " + describe + ": Exchequer refused it (" + code + where + "): " + result.message();
        if (result.resultCode() == GatewayResult.DUPLICATE_KEY) {
          text = entity + " " + describe + " already exists in Exchequer (" + code + where + "): " + result.message();
        }
        return WriteOutcome.failed(new SyncError(code, text, field, result.isRetryable()));
      }
    }
  }

  /** Runs the partner's customizers on the native record about to be written. */
  static <T> void customize(List<MappingCustomizer<T>> customizers, T value, ToolkitNative target) {
    for (MappingCustomizer<T> customizer : customizers) {
      customizer.beforeWrite(value, target);
    }
  }

  /** The fields a writer stores plus those its customizers add. */
  static <T> io.github.tandemsync.core.spi.FieldSet withCustomizers(io.github.tandemsync.core.spi.FieldSet base,
      List<MappingCustomizer<T>> customizers) {
    io.github.tandemsync.core.spi.FieldSet fields = base;
    for (MappingCustomizer<T> customizer : customizers) {
      fields = fields.plus(customizer.writeFields());
    }
    return fields;
  }

  /** A canonical field path for a line property: {@code lines[0].productCode} for line 1. */
  static String linePath(int lineNumber, String field) {
    return "lines[" + (lineNumber - 1) + "]." + field;
  }
}
