package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON layout of a saved org ({@link OrgFile}), format version {@value #VERSION}. Absent
 * optional values are left out of the file. Records holding secrets redact them from {@code
 * toString()}; the file itself holds them (it is written owner-only).
 *
 * @param format always {@value #FORMAT}, so a wrong file is recognised as such
 * @param formatVersion the layout version
 * @param savedAt when the checkpoint was taken (org clock)
 * @param org the org's identity
 * @param ids the id and token generator, so new ids and tokens never repeat saved ones
 * @param objects per sObject type (API name), its key prefix, auto-number counters, field types and records
 * @param deleteLog the delete log behind getDeleted, oldest first
 * @param auth registered credentials
 * @param apiUsage calls counted per second in the rolling 24-hour window, oldest first
 * @param currencies the currencies of a multi-currency org; absent for a single-currency org (the
 *     format of single-currency orgs is unchanged)
 */
record SavedOrg(
    String format,
    int formatVersion,
    Instant savedAt,
    Identity org,
    Ids.Generator.State ids,
    Map<String, SavedObject> objects,
    List<DeleteLogEntry> deleteLog,
    Auth auth,
    List<UsageSecond> apiUsage,
    Optional<Currencies> currencies) {

  static final String FORMAT = "tandem-salesforce-sandbox-org";
  static final int VERSION = 1;

  SavedOrg {
    required(format, "format");
    required(savedAt, "savedAt");
    required(org, "org");
    required(ids, "ids");
    objects = Collections.unmodifiableMap(new LinkedHashMap<>(required(objects, "objects")));
    deleteLog = List.copyOf(required(deleteLog, "deleteLog"));
    required(auth, "auth");
    apiUsage = List.copyOf(required(apiUsage, "apiUsage"));
    currencies = optional(currencies);
  }

  /** Jackson leaves a missing property null; the message names it (Jackson adds the path). */
  static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("\"" + name + "\" is missing");
    }
    return value;
  }

  /**
   * The org's identity.
   *
   * @param orgId the 18-character org id (prefix of every access token)
   * @param createdAt when the org was created
   * @param deleteLogStart start of the complete delete log ({@code earliestDateAvailable})
   * @param uiUserId the user {@code data()} writes as
   * @param standardPricebookId the standard price book
   */
  record Identity(String orgId, Instant createdAt, Instant deleteLogStart, String uiUserId, String standardPricebookId) {
    Identity {
      required(orgId, "orgId");
      required(createdAt, "createdAt");
      required(deleteLogStart, "deleteLogStart");
      required(uiUserId, "uiUserId");
      required(standardPricebookId, "standardPricebookId");
    }
  }

  /**
   * One sObject type.
   *
   * @param keyPrefix the three-character id prefix its records carry
   * @param autoNumbers last number handed out, per auto-number field (lower-case name)
   * @param fieldTypes the type of every field holding a value in some record, when saved
   * @param records live and deleted records, in insertion order
   */
  record SavedObject(String keyPrefix, Map<String, Long> autoNumbers, Map<String, FieldType> fieldTypes, List<SavedRecord> records) {
    SavedObject {
      required(keyPrefix, "keyPrefix");
      autoNumbers = Collections.unmodifiableMap(new TreeMap<>(required(autoNumbers, "autoNumbers")));
      fieldTypes = Collections.unmodifiableMap(new LinkedHashMap<>(required(fieldTypes, "fieldTypes")));
      records = List.copyOf(required(records, "records"));
    }
  }

  /**
   * One record.
   *
   * @param id the 18-character id
   * @param deleted whether it is in the recycle bin
   * @param deletedAt when it was deleted
   * @param deletedWith the record whose deletion cascaded to it
   * @param lastWriterClient {@code Sforce-Call-Options} client of the last API write
   * @param lastChangeOrigin change origin of the last write
   * @param values non-null field values by API name: text as strings, numbers as exact JSON numbers,
   *     checkboxes as booleans, dates as {@code yyyy-MM-dd}, datetimes as ISO-8601 instants
   */
  record SavedRecord(
      String id,
      boolean deleted,
      Optional<Instant> deletedAt,
      Optional<String> deletedWith,
      Optional<String> lastWriterClient,
      Optional<String> lastChangeOrigin,
      Map<String, JsonNode> values) {
    SavedRecord {
      required(id, "id");
      deletedAt = optional(deletedAt);
      deletedWith = optional(deletedWith);
      lastWriterClient = optional(lastWriterClient);
      lastChangeOrigin = optional(lastChangeOrigin);
      values = Collections.unmodifiableMap(new LinkedHashMap<>(required(values, "values")));
    }
  }

  /** Jackson may pass null for an absent Optional creator property. */
  private static <T> Optional<T> optional(@Nullable Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /**
   * One delete-log entry.
   *
   * @param id the deleted record
   * @param object its sObject type
   * @param deletedDate when it was deleted
   */
  record DeleteLogEntry(String id, String object, Instant deletedDate) {
    DeleteLogEntry {
      required(id, "id");
      required(object, "object");
      required(deletedDate, "deletedDate");
    }
  }

  /**
   * Registered credentials. Access tokens are not saved: clients re-authenticate after a restore,
   * as after a session expiry.
   *
   * @param clientCredentials client-credentials apps
   * @param jwtBearer JWT bearer apps
   * @param refreshClients web-server-flow apps
   * @param refreshGrants refresh-token grants with their rotation state
   * @param passwords users of the username-password flow
   */
  record Auth(
      List<ClientCredentialsApp> clientCredentials,
      List<JwtBearerApp> jwtBearer,
      List<RefreshClient> refreshClients,
      List<RefreshGrant> refreshGrants,
      List<PasswordUser> passwords) {
    Auth {
      clientCredentials = List.copyOf(required(clientCredentials, "clientCredentials"));
      jwtBearer = List.copyOf(required(jwtBearer, "jwtBearer"));
      refreshClients = List.copyOf(required(refreshClients, "refreshClients"));
      refreshGrants = List.copyOf(required(refreshGrants, "refreshGrants"));
      passwords = List.copyOf(required(passwords, "passwords"));
    }
  }

  /**
   * A client-credentials app.
   *
   * @param clientId the consumer key
   * @param clientSecret the consumer secret
   * @param runAsUserId the run-as user
   */
  record ClientCredentialsApp(String clientId, String clientSecret, String runAsUserId) {
    ClientCredentialsApp {
      required(clientId, "clientId");
      required(clientSecret, "clientSecret");
      required(runAsUserId, "runAsUserId");
    }

    @Override
    public String toString() {
      return "ClientCredentialsApp[clientId=" + clientId + ", clientSecret=***, runAsUserId=" + runAsUserId + "]";
    }
  }

  /**
   * A JWT bearer app.
   *
   * @param consumerKey the consumer key ({@code iss})
   * @param keyAlgorithm the public key's algorithm (RSA)
   * @param publicKey the certificate's public key, X.509 SubjectPublicKeyInfo, Base64
   * @param userIds the pre-authorised users
   */
  record JwtBearerApp(String consumerKey, String keyAlgorithm, String publicKey, List<String> userIds) {
    JwtBearerApp {
      required(consumerKey, "consumerKey");
      required(keyAlgorithm, "keyAlgorithm");
      required(publicKey, "publicKey");
      userIds = List.copyOf(required(userIds, "userIds"));
    }
  }

  /**
   * A web-server-flow app.
   *
   * @param clientId the consumer key
   * @param clientSecret the consumer secret, when refreshes require it
   */
  record RefreshClient(String clientId, Optional<String> clientSecret) {
    RefreshClient {
      required(clientId, "clientId");
      clientSecret = optional(clientSecret);
    }

    @Override
    public String toString() {
      return "RefreshClient[clientId=" + clientId + ", clientSecret=" + (clientSecret.isPresent() ? "***" : "none") + "]";
    }
  }

  /**
   * A chain of rotated refresh tokens.
   *
   * @param clientId the app
   * @param userId the user the grant acts as
   * @param currentToken the refresh token that works now
   * @param retiredTokens rotated-away tokens: reusing one revokes the grant
   * @param revoked whether the grant is revoked
   */
  record RefreshGrant(String clientId, String userId, String currentToken, List<String> retiredTokens, boolean revoked) {
    RefreshGrant {
      required(clientId, "clientId");
      required(userId, "userId");
      required(currentToken, "currentToken");
      retiredTokens = List.copyOf(required(retiredTokens, "retiredTokens"));
    }

    @Override
    public String toString() {
      return "RefreshGrant[clientId=" + clientId + ", userId=" + userId + ", currentToken=***, retiredTokens=" + retiredTokens.size()
          + ", revoked=" + revoked + "]";
    }
  }

  /**
   * A user of the username-password flow.
   *
   * @param username the username
   * @param password the password
   * @param securityToken the security token
   * @param userId the user
   */
  record PasswordUser(String username, String password, String securityToken, String userId) {
    PasswordUser {
      required(username, "username");
      required(password, "password");
      required(securityToken, "securityToken");
      required(userId, "userId");
    }

    @Override
    public String toString() {
      return "PasswordUser[username=" + username + ", password=***, securityToken=***, userId=" + userId + "]";
    }
  }

  /**
   * The currencies of a multi-currency org.
   *
   * @param corporate the corporate currency
   * @param active the active currencies, the corporate one included
   */
  record Currencies(String corporate, List<String> active) {
    Currencies {
      required(corporate, "corporate");
      active = List.copyOf(required(active, "active"));
    }
  }

  /**
   * Calls counted in one second of the rolling API usage window.
   *
   * @param epochSecond the second
   * @param calls calls counted in it
   */
  record UsageSecond(long epochSecond, long calls) {}
}
