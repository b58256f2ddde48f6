package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.spi.SyncError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  @Test
  void classifiesRetryableCodes() {
    assertTrue(ApiError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access").isRetryable());
    assertTrue(ApiError.of("ALL_OR_NONE_OPERATION_ROLLED_BACK", "rolled back").isRetryable());
    assertTrue(ApiError.of("PROCESSING_HALTED", "halted").isRetryable());
    assertTrue(ApiError.of("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "MyTrigger: execution of AfterUpdate caused by: "
        + "System.DmlException: Update failed. UNABLE_TO_LOCK_ROW, unable to obtain exclusive access").isRetryable());
    assertFalse(ApiError.of("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "MyTrigger: division by zero").isRetryable());
    assertFalse(ApiError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]").isRetryable());
    assertFalse(ApiError.of("DUPLICATE_VALUE", "duplicate").isRetryable());
  }

  @Test
  void readsBothErrorShapes() {
    List<ApiError> array = ApiError.listFrom(Json.parse("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"));
    assertEquals("INVALID_SESSION_ID", array.get(0).code());
    List<ApiError> single = ApiError.listFrom(Json.parse("{\"message\":\"Json Deserialization failed on token 'null'\",\"errorCode\":\"INVALID_FIELD\"}"));
    assertEquals("INVALID_FIELD", single.get(0).code());
    List<ApiError> perRecord = ApiError.listFrom(Json.parse("{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
        + "\"message\":\"Required fields are missing: [LastName]\",\"fields\":[\"LastName\"]}]}"));
    assertEquals("REQUIRED_FIELD_MISSING", perRecord.get(0).code());
    assertEquals(List.of("LastName"), perRecord.get(0).fields());
  }

  @Test
  void mapsFirstFieldToCanonicalName() {
    ApiError e = new ApiError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Postcode invalid", List.of("BillingPostalCode", "BillingCity"));
    SyncError s = e.toSyncError(f -> f.equals("BillingPostalCode") ? Optional.of("billingAddress.postcode") : Optional.empty());
    assertEquals(Optional.of("billingAddress.postcode"), s.field());
    assertFalse(s.retryable());
    SyncError unknown = new ApiError("X", "m", List.of("Other__c")).toSyncError(f -> Optional.empty());
    assertEquals(Optional.of("Other__c"), unknown.field());
  }
}
