package io.quire.command.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The delivery signature: {@code X-Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." +
 * raw body)>}. The header may carry several comma-separated signatures (a sender rolling over to a
 * new secret signs with both); one that verifies is enough. Comparison is in constant time.
 */
public final class WebhookSignature {

  private static final String SCHEME = "v1=";
  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** The header value a sender with {@code secret} sends for this timestamp and body. */
  public static String sign(String secret, String timestamp, byte[] body) {
    return SCHEME + HEX.formatHex(mac(secret, timestamp, body));
  }

  /** Whether {@code header} holds a signature of this timestamp and body made with the secret. */
  public static boolean verifies(String secret, String timestamp, byte[] body, String header) {
    if (secret == null || timestamp == null || body == null || header == null) {
      return false;
    }
    byte[] expected = mac(secret, timestamp, body);
    boolean verified = false;
    for (String part : header.split(",", -1)) {
      String candidate = part.strip();
      if (!candidate.startsWith(SCHEME)) {
        continue;
      }
      byte[] given = hex(candidate.substring(SCHEME.length()));
      // No early exit: every candidate is compared, each in constant time.
      verified |= given != null && MessageDigest.isEqual(expected, given);
    }
    return verified;
  }

  private static byte[] hex(String text) {
    if (text.length() != 64) {
      return null;
    }
    try {
      return HEX.parseHex(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] mac(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
