package io.quire.api.webhooks;

import static io.quire.api.testing.Webhooks.anEventId;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.FaultInjection;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signed deliveries over HTTP: verification, the effects of each type, and duplicates. Each test
 * has an org of its own (the contract's team) with one integration, the tracker.
 */
@IntegrationTest
class WebhooksIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;
  @Autowired FaultInjection faults;

  private Team team;
  private TestIntegration tracker;

  @BeforeEach
  void anOrgWithAnIntegration() {
    team = orgs.aTeam();
    tracker = webhooks.anIntegrationOf(team.org(), team.ada());
  }

  // Effects --------------------------------------------------------------------------------------

  @Test
  void aFirstDeliveryOfTaskCreatedIsAcceptedAndCreatesATaskWithoutACreator() {
    Response r = webhooks.taskCreated(tracker, anEventId(), "ext-1", "From the tracker").send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    assertThat(r.json().get("status").asText()).isEqualTo("accepted");
    assertThat(r.json().get("receipt_id").asText()).matches("[0-9a-f-]{36}");
    JsonNode task = task("ext-1");
    assertThat(task.get("title").asText()).isEqualTo("From the tracker");
    assertThat(task.get("status").asText()).isEqualTo("todo");
    assertThat(task.get("created_by").isNull()).isTrue();
    JsonNode history = api.as(team.bob().token()).get(taskPath("ext-1") + "history/").json();
    assertThat(history.at("/results/0/type").asText()).isEqualTo("task.created");
    assertThat(history.at("/results/0/actor").isNull()).isTrue();
  }

  @Test
  void anAuthorizationHeaderOfTheSendersOwnDoesNotStandInTheWayOfTheSignature() {
    Response basic =
        webhooks
            .taskCreated(tracker, anEventId(), "ext-basic", "Behind a proxy")
            .header("Authorization", "Basic dXNlcjpwYXNz")
            .send();
    Response token =
        webhooks
            .taskCreated(tracker, anEventId(), "ext-token", "With a token")
            .header("Authorization", "Token not-a-quire-token")
            .send();

    assertThat(basic.status()).as(basic.toString()).isEqualTo(202);
    assertThat(token.status()).as(token.toString()).isEqualTo(202);
  }

  @Test
  void aRepeatedDeliveryIsADuplicateWithTheFirstReceiptAndNoSecondEffect() {
    Webhooks.Delivery delivery = webhooks.taskCreated(tracker, anEventId(), "ext-1", "Once");

    Response first = delivery.send();
    Response second = delivery.send();
    Response third = delivery.stampedSecondsFromNow(5).send();

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    for (Response again : List.of(second, third)) {
      assertThat(again.status()).as(again.toString()).isEqualTo(200);
      assertThat(again.json().get("status").asText()).isEqualTo("duplicate");
      assertThat(again.json().get("receipt_id")).isEqualTo(first.json().get("receipt_id"));
    }
    assertThat(taskCount()).isEqualTo(1);
    JsonNode receipt = receipts().get(0);
    assertThat(receipt.get("id")).isEqualTo(first.json().get("receipt_id"));
    assertThat(receipt.get("deliveries").asInt()).isEqualTo(3);
    assertThat(receipt.get("outcome").asText()).isEqualTo("task_created");
    assertThat(receipt.get("type").asText()).isEqualTo("task.created");
  }

  @Test
  void aDeliveryThatFailsBeforeCommittingLeavesNoEffectAndTheSendersRetryWorks() {
    String eventId = anEventId();
    faults.failReceiptOf(eventId);
    Webhooks.Delivery delivery = webhooks.taskCreated(tracker, eventId, "ext-1", "Atomic");

    Response failed = delivery.send();

    assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
    assertThat(failed.json().at("/error/code").asText()).isEqualTo("internal_error");
    assertThat(failed.text()).doesNotContain("Injected").doesNotContain("Exception");
    assertThat(taskCount()).isZero();
    assertThat(receipts()).isEmpty();

    Response retried = delivery.stampedSecondsFromNow(0).send();

    assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
    assertThat(taskCount()).isEqualTo(1);
    assertThat(receipts().get(0).get("deliveries").asInt()).isEqualTo(1);
  }

  @Test
  void aFirstDeliveryLoadsNoMissingReceiptSoNothingIsLogged() {
    Logger repository = (Logger) LoggerFactory.getLogger(AbstractRepository.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    repository.addAppender(logged);
    try {
      Response r = webhooks.taskCreated(tracker, anEventId(), "ext-1", "Quiet").send();

      assertThat(r.status()).as(r.toString()).isEqualTo(202);
      String receipt = r.json().get("receipt_id").asText();
      // Axon logs a failed load of a missing aggregate as a warning with its stack trace: a third
      // of a delivery's CPU when every first delivery did it (docs/performance.md).
      assertThat(logged.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(message -> message.contains(receipt));
    } finally {
      repository.detachAppender(logged);
    }
  }

  @Test
  void statusChangedSetsTheStatusOfTheTaskMadeForTheExternalId() {
    webhooks.taskCreated(tracker, anEventId(), "ext-7", "Tracked").send();

    Response r = webhooks.statusChanged(tracker, anEventId(), "ext-7", "in_progress").send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    JsonNode task = task("ext-7");
    assertThat(task.get("status").asText()).isEqualTo("in_progress");
    assertThat(task.get("version").asInt()).isEqualTo(2);
    JsonNode history = api.as(team.bob().token()).get(taskPath("ext-7") + "history/").json();
    assertThat(history.at("/results/1/type").asText()).isEqualTo("task.status_changed");
    assertThat(history.at("/results/1/actor").isNull()).isTrue();
    assertThat(receipts().get(0).get("outcome").asText()).isEqualTo("task_status_changed");
  }

  @Test
  void statusChangedBeforeTheTaskExistsIsAConflictThatRecordsNothingSoARetryWorks() {
    Webhooks.Delivery early = webhooks.statusChanged(tracker, anEventId(), "ext-9", "done");

    Response tooEarly = early.send();
    assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
    assertThat(tooEarly.json().at("/error/code").asText()).isEqualTo("conflict");
    assertThat(receipts()).isEmpty();

    webhooks.taskCreated(tracker, anEventId(), "ext-9", "Late").send();
    Response retried = early.stampedSecondsFromNow(0).send();

    assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
    assertThat(task("ext-9").get("status").asText()).isEqualTo("done");
  }

  @Test
  void taskCreatedAgainForAnExternalIdThatHasATaskChangesNothing() {
    webhooks.taskCreated(tracker, anEventId(), "ext-2", "First").send();

    Response again = webhooks.taskCreated(tracker, anEventId(), "ext-2", "Second").send();

    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(task("ext-2").get("title").asText()).isEqualTo("First");
    assertThat(taskCount()).isEqualTo(1);
    assertThat(receipts().get(0).get("outcome").asText()).isEqualTo("no_change");
  }

  @Test
  void statusChangedForADeletedTaskIsRecordedWithoutAnEffect() {
    webhooks.taskCreated(tracker, anEventId(), "ext-3", "Soon gone").send();
    Response deleted = api.as(team.ada().token()).delete(taskPath("ext-3"));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

    Response r = webhooks.statusChanged(tracker, anEventId(), "ext-3", "done").send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    assertThat(receipts().get(0).get("outcome").asText()).isEqualTo("no_change");
    assertThat(api.as(team.ada().token()).get(taskPath("ext-3")).status()).isEqualTo(404);
  }

  @Test
  void otherTypesAreAcceptedAndRecordedAsIgnored() {
    Response r =
        webhooks.delivery(tracker, anEventId(), "invoice.paid", Map.of("amount", 12)).send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    assertThat(receipts().get(0).get("outcome").asText()).isEqualTo("ignored");
    assertThat(taskCount()).isZero();
  }

  @Test
  void receiptsAreListedNewestFirstForTheOrgsAdminsOnly() {
    String first = anEventId();
    String second = anEventId();
    webhooks.delivery(tracker, first, "ping", Map.of()).send();
    webhooks.delivery(tracker, second, "ping", Map.of()).send();

    assertThat(receipts().findValuesAsText("event_id")).containsExactly(second, first);
    assertThat(api.as(team.bob().token()).get(tracker.receiptsPath()).status()).isEqualTo(403);
    assertThat(api.as(team.dave().token()).get(tracker.receiptsPath()).status()).isEqualTo(404);
  }

  @Test
  void theSameEventIdAtAnotherIntegrationIsAnotherEvent() {
    TestIntegration other = webhooks.anIntegrationOf(team.org(), team.ada());
    String eventId = anEventId();

    Response here = webhooks.taskCreated(tracker, eventId, "ext-1", "Here").send();
    Response there = webhooks.taskCreated(other, eventId, "ext-1", "There").send();

    assertThat(here.status()).isEqualTo(202);
    assertThat(there.status()).as(there.toString()).isEqualTo(202);
    assertThat(there.json().get("receipt_id")).isNotEqualTo(here.json().get("receipt_id"));
    assertThat(taskCount()).isEqualTo(2);
  }

  // Verification ---------------------------------------------------------------------------------

  @Test
  void aWrongSignatureIs401AndChangesNothing() {
    Response r =
        webhooks.taskCreated(tracker, anEventId(), "ext-1", "Forged").signedWith("whsec_x").send();

    assertInvalidSignature(r);
    assertThat(taskCount()).isZero();
    assertThat(receipts()).isEmpty();
  }

  @Test
  void aMissingSignatureOrTimestampIs401() {
    assertInvalidSignature(webhooks.taskCreated(tracker, anEventId(), "e", "t").unsigned().send());
    assertInvalidSignature(
        webhooks.taskCreated(tracker, anEventId(), "e", "t").stamped("yesterday").send());
    assertInvalidSignature(
        webhooks.taskCreated(tracker, anEventId(), "e", "t").signature("v1=abc").send());
    assertThat(taskCount()).isZero();
  }

  @Test
  void anUnknownIntegrationIs401LikeABadSignature() {
    Webhooks.Delivery delivery = webhooks.taskCreated(tracker, anEventId(), "e", "t");

    assertInvalidSignature(delivery.to("/api/v1/webhooks/" + UUID.randomUUID() + "/").send());
    assertInvalidSignature(delivery.to("/api/v1/webhooks/not-a-uuid/").send());
  }

  @Test
  void aSignatureOfAnotherIntegrationIs401() {
    Team otherTeam = orgs.aTeam();
    TestIntegration other = webhooks.anIntegrationOf(otherTeam.org(), otherTeam.ada());

    Response r =
        webhooks.taskCreated(tracker, anEventId(), "e", "t").signedWith(other.secret()).send();

    assertInvalidSignature(r);
  }

  @Test
  void timestampsWithin300SecondsEitherWayAreAccepted() {
    // The clock moves on between stamping and verifying, so a past stamp is kept clear of the
    // boundary; WebhookFreshnessTest pins the boundary itself to the millisecond.
    assertThat(taskCreated("past").stampedSecondsFromNow(-290).send().status()).isEqualTo(202);
    assertThat(taskCreated("future").stampedSecondsFromNow(300).send().status()).isEqualTo(202);
  }

  @Test
  void timestampsBeyond300SecondsEitherWayAreStaleAndChangeNothing() {
    for (long seconds : new long[] {-301, -3600, 310, 3600}) {
      Response r = taskCreated("stale" + seconds).stampedSecondsFromNow(seconds).send();
      assertThat(r.status()).as("%d s: %s", seconds, r).isEqualTo(400);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("stale_timestamp");
    }
    assertThat(taskCount()).isZero();
    assertThat(receipts()).isEmpty();
  }

  @Test
  void aStaleTimestampWithABadSignatureIsABadSignature() {
    Response r = taskCreated("x").stampedSecondsFromNow(-3600).signedWith("whsec_x").send();

    assertInvalidSignature(r);
  }

  // The body -------------------------------------------------------------------------------------

  @Test
  void aBodyOver256KibIs413() {
    String big = "{\"id\": \"" + anEventId() + "\", \"pad\": \"" + "x".repeat(256 * 1024) + "\"}";

    Response r = webhooks.raw(tracker, big).send();

    assertThat(r.status()).as(r.toString()).isEqualTo(413);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void aBodyOfExactly256KibIsRead() {
    String start =
        "{\"id\": \""
            + anEventId()
            + "\", \"type\": \"ping\", \"occurred_at\": "
            + "\"2026-03-01T12:00:00Z\", \"data\": {\"pad\": \"";
    String end = "\"}}";
    String body = start + "x".repeat(256 * 1024 - start.length() - end.length()) + end;

    Response r = webhooks.raw(tracker, body).send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
  }

  @Test
  void aDeliveryThatIsNotDeclaredJsonIs415() {
    Webhooks.Delivery delivery = webhooks.delivery(tracker, anEventId(), "ping", Map.of());

    Response r = delivery.contentType("text/plain").send();

    assertThat(r.status()).as(r.toString()).isEqualTo(415);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("unsupported_media_type");
    assertThat(receipts()).isEmpty();
  }

  @Test
  void aSignedBodyThatIsNotJsonIs400MalformedJson() {
    Response r = webhooks.raw(tracker, "{not json").send();

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("malformed_json");
  }

  @Test
  void aSignedDeliveryWithBadFieldsIs400WithFieldErrorsAndRecordsNothing() {
    Response r =
        webhooks
            .delivery(
                tracker,
                anEventId(),
                "task.status_changed",
                Map.of("external_id", "ext-1", "status", "finished", "extra", 1))
            .send();

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("validation_error");
    assertThat(r.json().at("/error/details/data.status").isArray()).isTrue();
    assertThat(r.json().at("/error/details/data.extra").isArray()).isTrue();
    assertThat(receipts()).isEmpty();
  }

  @Test
  void aDeliveryWithoutAnEventIdIs400() {
    Response r =
        webhooks
            .raw(tracker, "{\"type\": \"ping\", \"occurred_at\": \"2026-03-01T12:00:00Z\"}")
            .send();

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().at("/error/details/id").isArray()).isTrue();
  }

  // ----------------------------------------------------------------------------------------------

  private Webhooks.Delivery taskCreated(String externalId) {
    return webhooks.taskCreated(tracker, anEventId(), externalId, "Title");
  }

  private static void assertInvalidSignature(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_signature");
  }

  private String taskPath(String externalId) {
    return team.org()
        .path("tasks/" + CreateIntegrationTaskCommand.taskIdFor(tracker.id(), externalId) + "/");
  }

  private JsonNode task(String externalId) {
    Response r = api.as(team.bob().token()).get(taskPath(externalId));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private int taskCount() {
    return api.as(team.ada().token()).get(team.org().path("tasks/")).json().get("count").asInt();
  }

  private JsonNode receipts() {
    Response r = api.as(team.ada().token()).get(tracker.receiptsPath() + "?page_size=100");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("results");
  }
}
