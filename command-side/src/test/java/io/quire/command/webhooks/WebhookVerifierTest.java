package io.quire.command.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.integrations.IntegrationLookup;
import io.quire.command.integrations.SecretBox;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final byte[] OLD_KEY = key(1);
  private static final byte[] NEW_KEY = key(2);

  private final IntegrationId id = new IntegrationId(UUID.randomUUID());
  private final OrgId org = new OrgId(UUID.randomUUID());
  private final byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
  private final String timestamp = Long.toString(NOW.getEpochSecond());

  @Test
  void aDeliveryToAnIntegrationSealedWithAPreviousKeyVerifies() {
    IntegrationLookup lookup = sealedWith(OLD_KEY, "whsec_old");
    SecretBox rotated = new SecretBox(NEW_KEY, List.of(OLD_KEY), new SecureRandom());

    var sender =
        new WebhookVerifier(lookup, rotated, CLOCK)
            .verify(id.toString(), timestamp, signed("whsec_old"), body);

    assertThat(sender.integrationId()).isEqualTo(id);
    assertThat(sender.orgId()).isEqualTo(org);
  }

  @Test
  void aSecretNoConfiguredKeyOpensIsTheServersErrorNamingTheIntegration() {
    IntegrationLookup lookup = sealedWith(OLD_KEY, "whsec_old");
    SecretBox withoutTheOldKey = new SecretBox(NEW_KEY, new SecureRandom());
    WebhookVerifier verifier = new WebhookVerifier(lookup, withoutTheOldKey, CLOCK);

    assertThatThrownBy(() -> verifier.verify(id.toString(), timestamp, signed("whsec_old"), body))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(id.toString())
        .hasMessageContaining("QUIRE_PREVIOUS_SECRET_KEYS");
  }

  private IntegrationLookup sealedWith(byte[] key, String secret) {
    String sealed = new SecretBox(key, new SecureRandom()).seal(secret, id.toString());
    return asked ->
        Optional.of(new IntegrationLookup.Entry(id, org, sealed)).filter(e -> asked.equals(id));
  }

  private String signed(String secret) {
    return WebhookSignature.sign(secret, timestamp, body);
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + seed);
    }
    return key;
  }
}
