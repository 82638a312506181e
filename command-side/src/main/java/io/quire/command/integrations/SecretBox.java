package io.quire.command.integrations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with the server's 256-bit key (AES-GCM, a fresh 96-bit nonce each time), so that a
 * copy of the database (event store and tables) alone does not reveal them. A sealed value is bound
 * to what it belongs to (the {@code context}, e.g. the integration's id): moved to another row, it
 * no longer opens. Format: {@code v1.} + base64url(nonce || ciphertext || tag).
 *
 * <p>Keys rotate: new secrets are always sealed with the current key, and a secret sealed with one
 * of the previous keys still opens ({@code QUIRE_PREVIOUS_SECRET_KEYS}), so existing integrations
 * keep verifying their deliveries after the key changes.
 */
public final class SecretBox {

  private static final String PREFIX = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final List<SecretKeySpec> keys; // the current key first, then the previous ones
  private final SecureRandom random;

  /** A box with this 32-byte key; nonces drawn from {@code random}. */
  public SecretBox(byte[] key, SecureRandom random) {
    this(key, List.of(), random);
  }

  /**
   * A box that seals with {@code key} and opens what it or any of {@code previousKeys} (32 bytes
   * each) sealed.
   */
  public SecretBox(byte[] key, List<byte[]> previousKeys, SecureRandom random) {
    this.key = aesKey(key);
    this.keys =
        Stream.concat(Stream.of(this.key), previousKeys.stream().map(SecretBox::aesKey)).toList();
    this.random = random;
  }

  private static SecretKeySpec aesKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("The secret key must be 32 bytes (256 bits).");
    }
    return new SecretKeySpec(key.clone(), "AES");
  }

  /** {@code secret}, sealed for {@code context}. */
  public String seal(String secret, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /**
   * The secret that {@link #seal} sealed for {@code context}.
   *
   * @throws IllegalArgumentException when the value was not sealed for this context by the current
   *     key or a previous one, or has been altered
   */
  public String open(String sealed, String context) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a sealed secret.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a sealed secret.", e);
    }
    if (bytes.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("Not a sealed secret.");
    }
    byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
    AEADBadTagException refused = null;
    for (SecretKeySpec candidate : keys) {
      try {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, candidate, nonce, context);
        byte[] secret = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        return new String(secret, StandardCharsets.UTF_8);
      } catch (AEADBadTagException e) {
        refused = e; // another key, another context, or altered: the next key may open it
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
      }
    }
    throw new IllegalArgumentException(
        "The sealed secret does not open with the current key or a previous one.", refused);
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
