package io.github.tandemsync.testkit.salesforce;

import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP call the sandbox received, as logged for assertions.
 *
 * @param at when it arrived, by the sandbox clock
 * @param method the HTTP method
 * @param path the request path, without the query string
 * @param query the decoded query string, if any (for example {@code q=SELECT Id FROM Account})
 * @param kind the resource kind
 * @param counted whether it counted against the API limit
 * @param client the {@code client} value of its {@code Sforce-Call-Options} header, if sent
 * @param status the HTTP status answered, or 0 when the connection was reset without an answer
 */
public record ApiCall(Instant at, String method, String path, Optional<String> query, ResourceKind kind, boolean counted,
    Optional<String> client, int status) {}
