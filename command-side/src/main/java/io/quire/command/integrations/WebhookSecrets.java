package io.quire.command.integrations;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates integration secrets: 256 random bits, written {@code whsec_} + base64url (43
 * characters). Senders sign with the secret's text as the HMAC key.
 */
public final class WebhookSecrets {

  /** Every secret starts so, which makes a leaked one easy to recognise in logs and scanners. */
  public static final String PREFIX = "whsec_";

  private final SecureRandom random;

  public WebhookSecrets(SecureRandom random) {
    this.random = random;
  }

  /** A new secret. */
  public String generate() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
