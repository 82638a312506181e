package io.quire.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Any multiset of deliveries, in any order, has exactly one effect per distinct event id: for
 * generated events (task creations, status changes of tasks created earlier, ignored types), each
 * delivered one to four times, shuffled so that repeats and later events interleave, every event is
 * accepted exactly once (its first delivery), every other delivery is a duplicate with the same
 * receipt, and the org ends with one task per created external id, each with the status of its last
 * status change, and a receipt per event counting its deliveries.
 */
@IntegrationTest
class DeliveryMultisetIntegrationProperties {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  private static final String[] STATUSES = {"todo", "in_progress", "done"};

  /** A generated event: kind 0 creates external id {@code target}, 1 changes it, 2 is ignored. */
  record Event(int kind, int target, int status, int copies) {}

  @Test
  void everyDistinctEventHasExactlyOneEffectWhateverTheDeliveries() {
    Seeded.qt()
        .withExamples(12)
        .withShrinkCycles(20)
        .forAll(
            lists()
                .of(
                    integers()
                        .between(0, 2)
                        .zip(integers().between(0, 3), (kind, target) -> new int[] {kind, target})
                        .zip(
                            integers().between(0, 2),
                            integers().between(1, 4),
                            (kt, status, copies) -> new Event(kt[0], kt[1], status, copies)))
                .ofSizeBetween(1, 8),
            integers().all())
        .checkAssert(this::deliverAndCheck);
  }

  private void deliverAndCheck(List<Event> events, Integer shuffleSeed) {
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());

    // Every event once, in order, so status changes follow their creation; then the repeats,
    // shuffled among themselves.
    List<Webhooks.Delivery> firsts = new ArrayList<>();
    List<Webhooks.Delivery> repeats = new ArrayList<>();
    Map<Webhooks.Delivery, String> eventIdOf = new HashMap<>();
    Set<Integer> created = new HashSet<>();
    Map<Integer, String> expectedStatus = new HashMap<>();
    int expectedReceipts = 0;
    int n = 0;
    for (Event event : events) {
      String eventId = Webhooks.anEventId();
      String externalId = "ext-" + event.target();
      Webhooks.Delivery delivery;
      if (event.kind() == 0) {
        delivery = webhooks.taskCreated(tracker, eventId, externalId, "Task " + n);
        if (created.add(event.target())) {
          expectedStatus.put(event.target(), "todo");
        }
      } else if (event.kind() == 1 && created.contains(event.target())) {
        delivery = webhooks.statusChanged(tracker, eventId, externalId, STATUSES[event.status()]);
        expectedStatus.put(event.target(), STATUSES[event.status()]);
      } else {
        delivery = webhooks.delivery(tracker, eventId, "note.added", Map.of("n", n));
      }
      n++;
      expectedReceipts++;
      firsts.add(delivery);
      eventIdOf.put(delivery, eventId);
      for (int copy = 1; copy < event.copies(); copy++) {
        repeats.add(delivery);
      }
    }
    Collections.shuffle(repeats, new Random(shuffleSeed));
    // Interleave: each repeat goes after its first delivery but among later events.
    List<Webhooks.Delivery> order = new ArrayList<>(firsts);
    Random placement = new Random(shuffleSeed + 1L);
    for (Webhooks.Delivery repeat : repeats) {
      int after = order.indexOf(repeat);
      order.add(after + 1 + placement.nextInt(order.size() - after), repeat);
    }

    Map<String, String> receiptOf = new HashMap<>();
    Map<String, Integer> accepted = new HashMap<>();
    Map<String, Integer> deliveries = new HashMap<>();
    for (Webhooks.Delivery delivery : order) {
      Response r = delivery.stampedSecondsFromNow(0).send();
      String eventId = eventIdOf.get(delivery);
      assertThat(r.status()).as(r.toString()).isIn(200, 202);
      if (r.status() == 202) {
        accepted.merge(eventId, 1, Integer::sum);
      }
      deliveries.merge(eventId, 1, Integer::sum);
      String receipt = r.json().get("receipt_id").asText();
      assertThat(receiptOf.putIfAbsent(eventId, receipt)).isIn(null, receipt);
    }

    assertThat(accepted)
        .hasSize(expectedReceipts)
        .allSatisfy((id, count) -> assertThat(count).isOne());
    var caller = api.as(team.ada().token());
    JsonNode tasks = caller.get(team.org().path("tasks/?page_size=100")).json();
    assertThat(tasks.get("count").asInt()).isEqualTo(created.size());
    for (Map.Entry<Integer, String> expected : expectedStatus.entrySet()) {
      String id =
          CreateIntegrationTaskCommand.taskIdFor(tracker.id(), "ext-" + expected.getKey())
              .toString();
      JsonNode task = caller.get(team.org().path("tasks/" + id + "/")).json();
      assertThat(task.get("status").asText()).isEqualTo(expected.getValue());
    }
    JsonNode receipts = caller.get(tracker.receiptsPath() + "?page_size=100").json();
    assertThat(receipts.get("count").asInt()).isEqualTo(expectedReceipts);
    for (JsonNode receipt : receipts.get("results")) {
      String eventId = receipt.get("event_id").asText();
      assertThat(receipt.get("id").asText()).isEqualTo(receiptOf.get(eventId));
      assertThat(receipt.get("deliveries").asInt()).isEqualTo(deliveries.get(eventId));
    }
  }
}
