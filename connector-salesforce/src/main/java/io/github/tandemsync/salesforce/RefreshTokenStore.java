package io.github.tandemsync.salesforce;

/**
 * Where the OAuth refresh token lives between runs. Salesforce enforces refresh-token rotation: a
 * refresh may return a new refresh token, and presenting an invalidated one revokes the current
 * token and all its access tokens. The connector therefore calls {@link #save} with every rotated
 * token <em>before</em> it uses the new access token, and never presents an old one again.
 *
 * <p>Implementations persist atomically (a database row, a secrets manager entry) and are
 * thread-safe. If {@link #save} throws, the connector stops using the credential and reports an
 * {@link AuthenticationException}.
 */
public interface RefreshTokenStore {

  /** The current refresh token. */
  String load();

  /** Persists {@code rotatedRefreshToken}, which replaces the current one. */
  void save(String rotatedRefreshToken);

  /** A store that only keeps the token in memory; for tests and short-lived tools. */
  static RefreshTokenStore inMemory(String refreshToken) {
    return new RefreshTokenStore() {
      private volatile String token = refreshToken;

      @Override
      public String load() {
        return token;
      }

      @Override
      public void save(String rotatedRefreshToken) {
        token = rotatedRefreshToken;
      }

      @Override
      public String toString() {
        return "RefreshTokenStore.inMemory[****]";
      }
    };
  }
}
