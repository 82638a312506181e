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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Duplicates are recognised by a server that did not see the first delivery: a second server on the
 * same database, started after the first delivery (as after a restart, or behind a load balancer),
 * answers 200 with the first receipt, and the effect stays single. Nothing about receipts lives in
 * a server's memory.
 */
@IntegrationTest
class DeliveriesAcrossServersIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  @Test
  void aServerStartedAfterTheFirstDeliveryTakesItsRepeatAsADuplicate() {
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    Webhooks.Delivery delivery = webhooks.taskCreated(tracker, anEventId(), "ext-1", "Once");
    Response first = delivery.send();
    assertThat(first.status()).as(first.toString()).isEqualTo(202);

    try (ConfigurableApplicationContext second = ExtraServers.quire()) {
      int port = ExtraServers.port(second);
      Response repeat = delivery.to(tracker.webhookPath()).via(new HttpApi(port)).send();

      assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
      assertThat(repeat.json().get("receipt_id")).isEqualTo(first.json().get("receipt_id"));

      Webhooks.Delivery other = webhooks.taskCreated(tracker, anEventId(), "ext-2", "There");
      assertThat(other.via(new HttpApi(port)).send().status()).isEqualTo(202);
      assertThat(other.via(api).send().status()).isEqualTo(200);
    }

    var ada = api.as(team.ada().token());
    assertThat(ada.get(team.org().path("tasks/")).json().get("count").asInt()).isEqualTo(2);
    assertThat(ada.get(tracker.receiptsPath()).json().findValuesAsText("deliveries"))
        .containsExactlyInAnyOrder("2", "2");
  }
}
