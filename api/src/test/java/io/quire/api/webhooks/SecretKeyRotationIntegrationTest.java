package io.quire.api.webhooks;

import static io.quire.api.testing.Webhooks.anEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.ExtraServers;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import io.quire.kernel.integrations.IntegrationId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rotating {@code QUIRE_SECRET_KEY}: a server started with a new key, and the old one among {@code
 * QUIRE_PREVIOUS_SECRET_KEYS}, still verifies the deliveries of integrations whose secrets the old
 * key sealed, and seals new integrations' secrets with the new key (which a server without it
 * cannot open).
 */
@IntegrationTest
class SecretKeyRotationIntegrationTest {

  /** Never a real key. */
  private static final String NEW_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  @Value("${quire.secret-key}")
  String oldKey;

  @Test
  void afterARotationOldAndNewIntegrationsVerifyTheirDeliveries() {
    Team team = orgs.aTeam();
    TestIntegration before = webhooks.anIntegrationOf(team.org(), team.ada());

    try (ConfigurableApplicationContext rotated =
        ExtraServers.quire(
            "--quire.secret-key=" + NEW_KEY, "--quire.previous-secret-keys=" + oldKey)) {
      HttpApi server = new HttpApi(ExtraServers.port(rotated));

      Response old = webhooks.taskCreated(before, anEventId(), "ext-1", "Old").via(server).send();
      assertThat(old.status()).as(old.toString()).isEqualTo(202);

      Response created =
          server
              .as(team.ada().token())
              .post(team.org().path("integrations/"), Map.of("name", "New"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      TestIntegration after =
          new TestIntegration(
              new IntegrationId(UUID.fromString(created.json().get("id").asText())),
              created.json().get("secret").asText(),
              team.org());
      Response fresh = webhooks.taskCreated(after, anEventId(), "ext-2", "New").via(server).send();
      assertThat(fresh.status()).as(fresh.toString()).isEqualTo(202);

      // Sealed with the new key: a server that has only the old one cannot verify it, and answers
      // 5xx (the sender retries), with nothing done.
      Response withOldKeyOnly =
          webhooks.taskCreated(after, anEventId(), "ext-3", "Not here").via(api).send();
      assertThat(withOldKeyOnly.status()).as(withOldKeyOnly.toString()).isEqualTo(500);
    }

    var ada = api.as(team.ada().token());
    assertThat(ada.get(team.org().path("tasks/")).json().get("count").asInt()).isEqualTo(2);
  }
}
