package io.quire.command.accounts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * Password hashes that say how they were made: PBKDF2-HMAC-SHA256 with a 16-byte random salt, in
 * the PHC string format, {@code $pbkdf2-sha256$i=310000$<salt>$<hash>} (base64 without padding). A
 * hash is checked with the iteration count written in it, so changing {@code
 * QUIRE_ACCOUNTS_PASSWORD_HASH_ITERATIONS} never locks anyone out; a hash made with another count
 * is made again at the next sign-in ({@link #upgradeEncoding}), so the setting reaches every
 * account that signs in.
 *
 * <p>Hashes written before this format (Spring's {@link Pbkdf2PasswordEncoder}: hex of salt and
 * hash, no parameters) are still accepted, checked with the configured count, which is the count
 * they were made with unless the setting changed in between (then they never matched before
 * either); they too are made again at the next sign-in.
 */
public final class PasswordHashes implements PasswordEncoder {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "$pbkdf2-sha256$i=";
  private static final Pattern PHC =
      Pattern.compile(
          "\\$pbkdf2-sha256\\$i=([1-9][0-9]{0,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /** The former format: hex of the 16-byte salt and the 32-byte hash. */
  private static final Pattern LEGACY = Pattern.compile("[0-9a-f]{96}");

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

  private final int iterations;
  private final SecureRandom random;
  private final Pbkdf2PasswordEncoder legacy;

  public PasswordHashes(int iterations, SecureRandom random) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
    }
    this.iterations = iterations;
    this.random = random;
    this.legacy =
        new Pbkdf2PasswordEncoder(
            "", SALT_BYTES, iterations, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
  }

  @Override
  public String encode(CharSequence password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return PREFIX
        + iterations
        + "$"
        + BASE64.encodeToString(salt)
        + "$"
        + BASE64.encodeToString(pbkdf2(password, salt, iterations));
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    if (hash == null || password == null) {
      return false;
    }
    if (LEGACY.matcher(hash).matches()) {
      return legacy.matches(password, hash);
    }
    Matcher phc = PHC.matcher(hash);
    if (!phc.matches()) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(phc.group(2));
      expected = Base64.getDecoder().decode(phc.group(3));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    byte[] actual = pbkdf2(password, salt, Integer.parseInt(phc.group(1)));
    return MessageDigest.isEqual(expected, actual);
  }

  /** Whether {@code hash} should be made again: an old format, or another iteration count. */
  @Override
  public boolean upgradeEncoding(String hash) {
    Matcher phc = PHC.matcher(hash == null ? "" : hash);
    return !phc.matches() || Integer.parseInt(phc.group(1)) != iterations;
  }

  private static byte[] pbkdf2(CharSequence password, byte[] salt, int iterations) {
    PBEKeySpec spec =
        new PBEKeySpec(password.toString().toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }
}
