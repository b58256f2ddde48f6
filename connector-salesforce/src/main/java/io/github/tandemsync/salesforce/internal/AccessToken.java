package io.github.tandemsync.salesforce.internal;

import java.net.URI;
import java.time.Instant;

/**
 * An OAuth access token and the instance it is valid for. {@code toString()} masks the token.
 *
 * @param value the bearer token
 * @param instanceUrl the org's instance URL from the token response; every API call goes there
 * @param obtainedAt when it was obtained (Salesforce sends no expiry: a 401 tells when it ends)
 */
record AccessToken(String value, URI instanceUrl, Instant obtainedAt) {
  @Override
  public String toString() {
    return "AccessToken[****, instanceUrl=" + instanceUrl + ", obtainedAt=" + obtainedAt + "]";
  }
}
