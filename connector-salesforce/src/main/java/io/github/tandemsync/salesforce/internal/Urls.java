package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.net.URI;
import java.util.Locale;

/** URL rules: HTTPS everywhere except on the loopback interface (local simulators, tests). */
final class Urls {
  private Urls() {}

  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]")
        || host.startsWith("127.");
  }

  /** Rejects anything but an absolute HTTPS URL, or HTTP on loopback. */
  static URI requireSecure(URI uri, String what) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new ConfigurationException(what + " must be an absolute URL, was '" + uri + "'");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri))) {
      return uri;
    }
    throw new ConfigurationException(what + " must use https (plain http is only allowed for 127.0.0.1, localhost or ::1), was '"
        + uri.getScheme() + "://" + uri.getHost() + "'");
  }

  /** The URL without a trailing slash, so paths can be appended. */
  static String base(URI uri) {
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
