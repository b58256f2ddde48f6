package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.salesforce.RefreshTokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A refresh token kept in a file, replaced atomically (temp file + atomic move) on rotation. */
public final class FileRefreshTokenStore implements RefreshTokenStore {
  private final Path file;

  public FileRefreshTokenStore(Path file) {
    this.file = file;
  }

  @Override
  public synchronized String load() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the Salesforce refresh token file " + file.getFileName());
    }
  }

  @Override
  public synchronized void save(String rotatedRefreshToken) {
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".sf-refresh-", ".tmp");
      Files.writeString(tmp, rotatedRefreshToken, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the rotated Salesforce refresh token to " + file.getFileName(), e);
    }
  }

  @Override
  public String toString() {
    return "FileRefreshTokenStore[" + file.getFileName() + ", ****]";
  }
}
