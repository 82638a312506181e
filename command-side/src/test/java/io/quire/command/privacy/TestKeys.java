package io.quire.command.privacy;

import io.quire.command.integrations.SecretBox;
import io.quire.command.testing.H2Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Key stores on a test database, as a server with this {@code QUIRE_SECRET_KEY} would have one. */
final class TestKeys {

  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private TestKeys() {}

  /** A new random 32-byte {@code QUIRE_SECRET_KEY}. */
  static byte[] aSecretKey(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  /** A server's key store on {@code database}, its keys sealed under {@code secretKey}. */
  static PersonalDataKeys on(H2Database database, byte[] secretKey, SecureRandom random) {
    return new PersonalDataKeys(
        database.jdbc(),
        new SecretBox(secretKey, random),
        random,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
