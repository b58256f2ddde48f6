package io.github.tandemsync.core;

/** Tandem, a connector or a flow is configured wrongly; the message names the offending key or field. */
public class ConfigurationException extends PermanentException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
