package io.quire.api.webhooks;

import static io.quire.api.testing.Webhooks.anEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The same delivery, twenty times at once: one effect, one acceptance, nineteen duplicates. */
@IntegrationTest
class ConcurrentDeliveriesIntegrationTest {

  private static final int DELIVERIES = 20;

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  @Test
  void twentyIdenticalConcurrentDeliveriesAreAcceptedOnceAndCreateOneTask() throws Exception {
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    Webhooks.Delivery delivery = webhooks.taskCreated(tracker, anEventId(), "ext-1", "Once");
    delivery.stampedSecondsFromNow(0);

    List<Response> answers = deliverAtOnce(delivery);

    List<Integer> statuses = answers.stream().map(Response::status).toList();
    assertThat(statuses).as(answers.toString()).filteredOn(s -> s == 202).hasSize(1);
    assertThat(statuses).as(answers.toString()).filteredOn(s -> s == 200).hasSize(19);
    assertThat(answers.stream().map(r -> r.json().get("receipt_id").asText()).distinct())
        .hasSize(1);
    assertThat(
            api.as(team.ada().token()).get(team.org().path("tasks/")).json().get("count").asInt())
        .isEqualTo(1);
    var receipts = api.as(team.ada().token()).get(tracker.receiptsPath()).json();
    assertThat(receipts.get("count").asInt()).isEqualTo(1);
    assertThat(receipts.at("/results/0/deliveries").asInt()).isEqualTo(DELIVERIES);
  }

  @Test
  void concurrentDeliveriesOfAStatusChangeChangeItOnce() throws Exception {
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    webhooks.taskCreated(tracker, anEventId(), "ext-1", "Tracked").send();
    Webhooks.Delivery delivery = webhooks.statusChanged(tracker, anEventId(), "ext-1", "done");
    delivery.stampedSecondsFromNow(0);

    List<Response> answers = deliverAtOnce(delivery);

    assertThat(answers.stream().map(Response::status).filter(s -> s == 202).count())
        .as(answers.toString())
        .isEqualTo(1);
    var task =
        api.as(team.ada().token())
            .get(team.org().path("tasks/?status=done"))
            .json()
            .at("/results/0");
    assertThat(task.get("version").asInt()).isEqualTo(2);
  }

  private static List<Response> deliverAtOnce(Webhooks.Delivery delivery) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
    try {
      CyclicBarrier start = new CyclicBarrier(DELIVERIES);
      List<Future<Response>> sent = new ArrayList<>();
      for (int i = 0; i < DELIVERIES; i++) {
        sent.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return delivery.send();
                }));
      }
      List<Response> answers = new ArrayList<>();
      for (Future<Response> answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
