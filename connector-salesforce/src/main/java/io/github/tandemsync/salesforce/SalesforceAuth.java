package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import java.net.URI;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How the connector obtains OAuth 2.0 access tokens. Pick one flow:
 *
 * <ul>
 *   <li>{@link #jwtBearer JWT bearer} (recommended): server to server as a named user, a PKCS#8 RSA
 *       key signs a short-lived assertion; no secret travels and no refresh token exists;</li>
 *   <li>{@link #clientCredentials client credentials}: server to server as the app's Run-As user;
 *       needs the org's My Domain login URL;</li>
 *   <li>{@link #refreshToken refresh token}: for apps authorised once through the web-server flow;
 *       rotated refresh tokens are persisted through a {@link RefreshTokenStore};</li>
 *   <li>{@link #legacyUsernamePassword username-password}: legacy, blocked by default in orgs
 *       created since Summer '23 and being retired by Salesforce; a developer fallback only.</li>
 * </ul>
 *
 * <p>No implementation prints a secret: {@code toString()} masks keys, secrets, passwords and tokens.
 */
public sealed interface SalesforceAuth
    permits SalesforceAuth.JwtBearer, SalesforceAuth.ClientCredentials, SalesforceAuth.RefreshToken,
        SalesforceAuth.UsernamePassword {

  /**
   * JWT bearer flow: the assertion is signed with RS256 by {@code privateKey}; the External Client
   * App holds the matching certificate and the user is pre-authorised.
   *
   * @param clientId the app's consumer key ({@code iss})
   * @param username the Salesforce user to act as ({@code sub})
   * @param privateKey the RSA private key (see {@link #privateKeyFromPem})
   */
  static JwtBearer jwtBearer(String clientId, String username, PrivateKey privateKey) {
    return new JwtBearer(clientId, username, privateKey, Optional.empty());
  }

  /** Client-credentials flow; the login URL must be the org's My Domain. */
  static ClientCredentials clientCredentials(String clientId, String clientSecret) {
    return new ClientCredentials(clientId, clientSecret);
  }

  /**
   * Refresh-token flow. The current token is read from {@code store}; rotated tokens are saved to it
   * before use.
   *
   * @param clientId the app's consumer key
   * @param clientSecret the consumer secret, when the app requires it
   * @param store where the refresh token is kept
   */
  static RefreshToken refreshToken(String clientId, Optional<String> clientSecret, RefreshTokenStore store) {
    return new RefreshToken(clientId, clientSecret, store);
  }

  /**
   * Legacy username-password flow. Salesforce blocks it by default in orgs created since
   * Summer '23, it bypasses MFA and it is being retired: use it only for a developer org that still
   * allows it. {@code password} is the password followed by the security token when the org needs
   * one.
   */
  static UsernamePassword legacyUsernamePassword(String clientId, String clientSecret, String username, String password) {
    return new UsernamePassword(clientId, clientSecret, username, password);
  }

  /**
   * Reads an unencrypted PKCS#8 RSA private key in PEM form ({@code -----BEGIN PRIVATE KEY-----}).
   * Convert a traditional {@code BEGIN RSA PRIVATE KEY} file first with
   * {@code openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem}.
   *
   * @throws ConfigurationException when the text is not such a key (the message never quotes it)
   */
  static PrivateKey privateKeyFromPem(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new ConfigurationException("the JWT private key must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); "
          + "convert it with openssl pkcs8 -topk8 -nocrypt");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | InvalidKeySpecException | NoSuchAlgorithmException e) {
      throw new ConfigurationException("the JWT private key is not a PKCS#8 RSA key in PEM form");
    }
  }

  /**
   * JWT bearer flow settings.
   *
   * @param clientId consumer key ({@code iss})
   * @param username user to act as ({@code sub})
   * @param privateKey RSA key signing the assertion
   * @param audience the {@code aud} claim; empty means the login URL's host when it is
   *     {@code login.salesforce.com} or {@code test.salesforce.com}, else
   *     {@code https://login.salesforce.com} (use {@code https://test.salesforce.com} for a
   *     sandbox reached through its My Domain)
   */
  record JwtBearer(String clientId, String username, PrivateKey privateKey, Optional<URI> audience) implements SalesforceAuth {
    /** Validates the settings; the key must be an RSA key. */
    public JwtBearer {
      requireText(clientId, "clientId");
      requireText(username, "username");
      Objects.requireNonNull(privateKey, "privateKey");
      if (!"RSA".equals(privateKey.getAlgorithm())) {
        throw new ConfigurationException("the JWT bearer flow signs with RS256 and needs an RSA private key");
      }
      audience = audience == null ? Optional.empty() : audience;
    }

    /** The same settings with an explicit {@code aud} claim. */
    public JwtBearer withAudience(URI aud) {
      return new JwtBearer(clientId, username, privateKey, Optional.of(aud));
    }

    @Override
    public String toString() {
      return "JwtBearer[clientId=" + clientId + ", username=" + username + ", privateKey=****"
          + audience.map(a -> ", audience=" + a).orElse("") + "]";
    }
  }

  /**
   * Client-credentials flow settings.
   *
   * @param clientId consumer key
   * @param clientSecret consumer secret
   */
  record ClientCredentials(String clientId, String clientSecret) implements SalesforceAuth {
    /** Validates the settings. */
    public ClientCredentials {
      requireText(clientId, "clientId");
      requireText(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
      return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
  }

  /**
   * Refresh-token flow settings.
   *
   * @param clientId consumer key
   * @param clientSecret consumer secret, when the app requires one
   * @param store holder of the current refresh token
   */
  record RefreshToken(String clientId, Optional<String> clientSecret, RefreshTokenStore store) implements SalesforceAuth {
    /** Validates the settings. */
    public RefreshToken {
      requireText(clientId, "clientId");
      clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
      Objects.requireNonNull(store, "store");
    }

    @Override
    public String toString() {
      return "RefreshToken[clientId=" + clientId + (clientSecret.isPresent() ? ", clientSecret=****" : "") + ", refreshToken=****]";
    }
  }

  /**
   * Legacy username-password flow settings.
   *
   * @param clientId consumer key
   * @param clientSecret consumer secret
   * @param username user name
   * @param password password (plus security token when required)
   */
  record UsernamePassword(String clientId, String clientSecret, String username, String password) implements SalesforceAuth {
    /** Validates the settings. */
    public UsernamePassword {
      requireText(clientId, "clientId");
      requireText(clientSecret, "clientSecret");
      requireText(username, "username");
      requireText(password, "password");
    }

    @Override
    public String toString() {
      return "UsernamePassword[clientId=" + clientId + ", clientSecret=****, username=" + username + ", password=****]";
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("Salesforce auth setting '" + name + "' is required");
    }
  }
}
