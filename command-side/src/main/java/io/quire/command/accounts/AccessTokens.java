package io.quire.command.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Access tokens: 256 random bits, written as 64 hex characters, of which only the SHA-256 hash is
 * stored. A token's entropy makes a slow hash unnecessary; the hash keeps a database dump from
 * handing out working tokens.
 */
public final class AccessTokens {

  public static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private AccessTokens() {}

  /** A new random token. */
  public static String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** The stored form of a token: hex SHA-256 of its UTF-8 bytes. */
  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** Whether {@code candidate} is the token whose hash is {@code storedHash}; constant time. */
  public static boolean matches(String storedHash, String candidate) {
    return MessageDigest.isEqual(
        storedHash.getBytes(StandardCharsets.US_ASCII),
        hash(candidate).getBytes(StandardCharsets.US_ASCII));
  }
}
