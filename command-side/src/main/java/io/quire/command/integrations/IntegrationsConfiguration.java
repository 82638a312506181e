package io.quire.command.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's secret key ({@code quire.secret-key}, {@code QUIRE_SECRET_KEY}: base64 of 32 random
 * bytes, e.g. {@code openssl rand -base64 32}). Without one, as on a developer's machine, the key
 * is generated once into {@code <quire.data-dir>/secret-key} (owner-only) with a warning: a
 * deployment sets the variable, and keeps it out of the database's backups.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationsConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationsConfiguration.class);

  @Bean
  SecureRandom secureRandom() {
    return new SecureRandom();
  }

  @Bean
  WebhookSecrets webhookSecrets(SecureRandom random) {
    return new WebhookSecrets(random);
  }

  @Bean
  SecretBox secretBox(
      @Value("${quire.secret-key:}") String configured,
      @Value("${quire.previous-secret-keys:}") String previous,
      @Value("${quire.data-dir:./data}") Path dataDir,
      SecureRandom random) {
    String key = configured.isBlank() ? keyFile(dataDir.resolve("secret-key"), random) : configured;
    return new SecretBox(decode(key), previousKeys(previous), random);
  }

  static byte[] decode(String key) {
    return decode(key, "QUIRE_SECRET_KEY");
  }

  /**
   * The keys that sealed secrets before the current one ({@code quire.previous-secret-keys}, {@code
   * QUIRE_PREVIOUS_SECRET_KEYS}): base64 of 32 bytes each, separated by commas.
   */
  static List<byte[]> previousKeys(String keys) {
    return Arrays.stream(keys.split(","))
        .map(String::strip)
        .filter(key -> !key.isEmpty())
        .map(key -> decode(key, "QUIRE_PREVIOUS_SECRET_KEYS"))
        .toList();
  }

  private static byte[] decode(String key, String name) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(key.strip().replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64.", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          name
              + " must be base64 of 32 bytes (openssl rand -base64 32), not "
              + bytes.length
              + " bytes.");
    }
    return bytes;
  }

  /**
   * The key kept in {@code file}, made first if there is none. The key is written to a file of its
   * own (owner-only, forced to disk) and then linked to {@code file}, which fails if {@code file}
   * exists: so a reader never sees a key half written, and of two servers starting at once on one
   * folder the first key linked is the key of both (a rename would replace it).
   */
  static String keyFile(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, ".secret-key-", ".new");
        try {
          ownerOnly(written);
          try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
            channel.write(
                ByteBuffer.wrap(
                    Base64.getEncoder().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
          }
          Files.createLink(file, written);
          forceFolder(folder);
        } catch (FileAlreadyExistsException anotherServerWroteIt) {
          // Two servers started at once on one folder: the first key linked is the key.
        } finally {
          Files.deleteIfExists(written);
        }
      }
      LOG.warn(
          "QUIRE_SECRET_KEY is not set: integration secrets are sealed with the key in {}. Set"
              + " QUIRE_SECRET_KEY in any deployment.",
          file.toAbsolutePath());
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's permissions apply.
    }
  }

  /** The new link survives a crash of the machine too, where the file system allows it. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      // Some systems cannot open a folder this way; the file itself is on disk already.
    }
  }
}
