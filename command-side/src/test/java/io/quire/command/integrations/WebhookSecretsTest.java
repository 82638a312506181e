package io.quire.command.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated secrets: 256 random bits behind a recognisable prefix. */
class WebhookSecretsTest {

  private final WebhookSecrets secrets = new WebhookSecrets(new SecureRandom());

  @Test
  void aSecretHolds256BitsAfterItsPrefix() {
    String secret = secrets.generate();
    assertThat(secret).startsWith(WebhookSecrets.PREFIX).matches("whsec_[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(secret.substring(WebhookSecrets.PREFIX.length())))
        .hasSize(32);
  }

  @Test
  void noTwoSecretsAreAlike() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertThat(seen.add(secrets.generate())).isTrue();
    }
  }
}
