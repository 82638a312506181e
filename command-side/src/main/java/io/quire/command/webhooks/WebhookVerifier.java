package io.quire.command.webhooks;

import io.quire.command.integrations.IntegrationLookup;
import io.quire.command.integrations.SecretBox;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides whether a delivery comes from the integration it names: the integration exists, the
 * signature over the timestamp and raw body verifies with its secret, and then that the timestamp
 * is fresh by the injected clock. The signature comes first, so that only a holder of the secret
 * learns anything about timestamps.
 */
@Component
public class WebhookVerifier {

  private static final Pattern UNIX_SECONDS = Pattern.compile("-?[0-9]{1,12}");

  private final IntegrationLookup integrations;
  private final SecretBox box;
  private final Clock clock;

  WebhookVerifier(IntegrationLookup integrations, SecretBox box, Clock clock) {
    this.integrations = integrations;
    this.box = box;
    this.clock = clock;
  }

  /**
   * The verified sender of this delivery.
   *
   * @throws InvalidSignatureException when it is not signed by the integration it names
   * @throws StaleTimestampException when it is, but its timestamp is not fresh
   */
  public Sender verify(String integrationId, String timestamp, String signature, byte[] body) {
    UUID id;
    try {
      id = UUID.fromString(integrationId);
    } catch (IllegalArgumentException e) {
      throw new InvalidSignatureException();
    }
    IntegrationLookup.Entry integration =
        integrations.find(new IntegrationId(id)).orElseThrow(InvalidSignatureException::new);
    String secret = secretOf(integration);
    if (timestamp == null
        || !UNIX_SECONDS.matcher(timestamp).matches()
        || !WebhookSignature.verifies(secret, timestamp, body, signature)) {
      throw new InvalidSignatureException();
    }
    if (!WebhookFreshness.isFresh(Long.parseLong(timestamp), clock.instant())) {
      throw new StaleTimestampException();
    }
    return new Sender(integration.integrationId(), integration.orgId());
  }

  /**
   * The integration's secret. One that does not open is the server's fault, not the sender's (the
   * key that sealed it is not configured): it fails as a server error, which the sender retries.
   */
  private String secretOf(IntegrationLookup.Entry integration) {
    try {
      return box.open(integration.sealedSecret(), integration.integrationId().toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The secret of integration "
              + integration.integrationId()
              + " does not open with QUIRE_SECRET_KEY or any of QUIRE_PREVIOUS_SECRET_KEYS: the"
              + " key that sealed it is not configured on this server.",
          e);
    }
  }

  /** The integration a delivery verifiably comes from, and its org. */
  public record Sender(IntegrationId integrationId, OrgId orgId) {}
}
