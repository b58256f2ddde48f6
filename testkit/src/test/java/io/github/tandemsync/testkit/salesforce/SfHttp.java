package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Plain {@code java.net.http} requests against a sandbox, written for the tests (deliberately not
 * the Salesforce connector): the sandbox must answer any well-formed request the way Salesforce does.
 */
final class SfHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String VERSION = "65.0";

  final SalesforceSandbox sf;
  final HttpClient client;
  String token = "";
  String version = VERSION;

  SfHttp(SalesforceSandbox sf) {
    this.sf = sf;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Registers a client-credentials app and logs in. */
  static SfHttp login(SalesforceSandbox sf) {
    SfHttp http = new SfHttp(sf);
    sf.registerClientCredentials("test-client", "test-secret", "integration@tests.example");
    Response response = http.form("/services/oauth2/token",
        "grant_type=client_credentials&client_id=test-client&client_secret=test-secret");
    assertEquals(200, response.status(), response.body());
    http.token = response.json().get("access_token").asText();
    return http;
  }

  /** One HTTP response. */
  record Response(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The errorCode of a top-level error array. */
    String errorCode() {
      JsonNode json = json();
      return (json.isArray() ? json.get(0) : json).get("errorCode").asText();
    }

    String message() {
      JsonNode json = json();
      return (json.isArray() ? json.get(0) : json).get("message").asText();
    }
  }

  String data(String path) {
    return "/services/data/v" + version + path;
  }

  Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sf.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    if (!token.isEmpty() && !headers.containsKey("Authorization")) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    builder.method(method, publisher);
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path) {
    return send("GET", data(path), "", Map.of());
  }

  Response get(String path, Map<String, String> headers) {
    return send("GET", data(path), "", headers);
  }

  Response post(String path, Object body) {
    return send("POST", data(path), text(body), Map.of("Content-Type", "application/json"));
  }

  Response patch(String path, Object body) {
    return send("PATCH", data(path), text(body), Map.of("Content-Type", "application/json"));
  }

  Response patch(String path, Object body, Map<String, String> headers) {
    java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send("PATCH", data(path), text(body), all);
  }

  Response delete(String path) {
    return send("DELETE", data(path), "", Map.of());
  }

  Response form(String path, String body) {
    return send("POST", path, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  Response query(String soql) {
    return get("/query?q=" + encode(soql));
  }

  Response queryAll(String soql) {
    return get("/queryAll?q=" + encode(soql));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String text(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a record through REST and returns its id. */
  String create(String type, Object body) {
    Response response = post("/sobjects/" + type, body);
    assertEquals(201, response.status(), response.body());
    return response.json().get("id").asText();
  }

  static ObjectNode object(Object... keyValues) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
    }
    return node;
  }

  static ArrayNode array(Object... items) {
    ArrayNode node = JSON.createArrayNode();
    for (Object item : items) {
      node.add(JSON.valueToTree(item));
    }
    return node;
  }
}
