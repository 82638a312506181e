package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import io.quire.kernel.tasks.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An org's audit log: its admins read every event of the org's aggregates, in commit order. */
@IntegrationTest
class AuditIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  private AuditLog log() {
    return new AuditLog(api);
  }

  private static String audit(Team team) {
    return team.org().path("audit/");
  }

  @Test
  void anAdminReadsEveryEventOfTheOrgInCommitOrder() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    orgs.move(task, team.carol(), TaskStatus.DONE);
    TestIntegration integration = webhooks.anIntegrationOf(team.org(), team.ada());
    Response delivered =
        webhooks.taskCreated(integration, Webhooks.anEventId(), "T-1", "From the tracker").send();
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);
    Team other = orgs.aTeam();
    orgs.aTask(other.org(), other.ada(), null, "Elsewhere");

    List<JsonNode> events =
        log().readShowing(team.ada().token(), audit(team), 0, "", e -> e.size() >= 10);

    assertThat(AuditLog.types(events))
        .containsExactly(
            "org.created",
            "member.added",
            "member.added",
            "member.added",
            "member.added",
            "task.created",
            "task.status_changed",
            "integration.created",
            "task.created",
            "webhook.received");
    assertThat(events)
        .extracting(e -> e.get("position").asLong())
        .isSorted()
        .doesNotHaveDuplicates();
    JsonNode moved = events.get(6);
    assertThat(moved.get("aggregate_type").asText()).isEqualTo("task");
    assertThat(moved.get("aggregate_id").asText()).isEqualTo(task);
    assertThat(moved.get("sequence").asLong()).isEqualTo(2);
    assertThat(moved.get("occurred_at").asText()).endsWith("Z");
    assertThat(moved.get("actor").get("id").asText()).isEqualTo(team.carol().id());
    assertThat(moved.get("actor").get("username").asText()).isEqualTo(team.carol().username());
    assertThat(moved.get("data").get("status").asText()).isEqualTo("done");
    assertThat(moved.get("data").get("task_id").asText()).isEqualTo(task);
    JsonNode added = events.get(1);
    assertThat(added.get("actor").get("id").asText()).isEqualTo(team.ada().id());
    assertThat(added.get("data").get("role").asText()).isEqualTo("admin");
    assertThat(events.subList(8, 10))
        .as("what the integration did has no actor")
        .allMatch(e -> e.get("actor").isNull());
    assertThat(events.toString()).doesNotContain("Elsewhere");
  }

  @Test
  void theIntegrationsSealedSecretIsNeverShown() {
    Team team = orgs.aTeam();
    webhooks.anIntegrationOf(team.org(), team.ada());

    List<JsonNode> events =
        log()
            .readShowing(
                team.ada().token(),
                audit(team),
                0,
                "&type=integration.created",
                e -> e.size() == 1);

    JsonNode data = events.get(0).get("data");
    assertThat(data.has("sealed_secret")).isFalse();
    assertThat(data.get("name").isTextual()).isTrue();
    assertThat(events.toString()).doesNotContain("sealed").doesNotContain("whsec_");
  }

  @Test
  void anExportsLaterEventsBelongToItsOrgThoughTheyDoNotNameIt() {
    Team team = orgs.aTeam();
    Response requested =
        api.as(team.ada().token()).post(team.org().path("exports/"), Map.of("format", "json"));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    String export = requested.json().get("id").asText();

    List<JsonNode> events =
        log()
            .awaitShowing(
                team.ada().token(),
                audit(team),
                0,
                "",
                e -> AuditLog.types(e).contains("export.completed"));

    List<JsonNode> ofTheExport =
        events.stream().filter(e -> e.get("aggregate_id").asText().equals(export)).toList();
    assertThat(AuditLog.types(ofTheExport))
        .containsExactly("export.requested", "export.started", "export.completed");
    assertThat(ofTheExport).allMatch(e -> e.get("aggregate_type").asText().equals("export"));
    assertThat(ofTheExport.get(2).get("actor").isNull()).isTrue();
  }

  @Test
  void pagesFollowNextAfterWithoutMissingOrRepeatingAnEvent() {
    Team team = orgs.aTeam();
    for (int i = 0; i < 7; i++) {
      orgs.aTask(team.org(), team.ada(), null, "Task " + i);
    }
    List<JsonNode> whole =
        log().readShowing(team.ada().token(), audit(team), 0, "", e -> e.size() == 12);

    List<JsonNode> paged = log().read(team.ada().token(), audit(team), 0, "&limit=5");

    assertThat(paged)
        .extracting(e -> e.get("global_sequence").asLong())
        .containsExactlyElementsOf(
            whole.stream().map(e -> e.get("global_sequence").asLong()).toList());
    Response first = api.as(team.ada().token()).get(audit(team) + "?limit=5");
    assertThat(first.json().get("results")).hasSize(5);
    assertThat(first.json().get("next_after").asLong())
        .isEqualTo(first.json().at("/results/4/position").asLong());
  }

  @Test
  void typeSinceAndUntilNarrowTheLog() {
    Team team = orgs.aTeam();
    String first = orgs.aTask(team.org(), team.ada(), null, "First");
    List<JsonNode> before =
        log().readShowing(team.ada().token(), audit(team), 0, "", e -> e.size() == 6);
    String cut = before.get(5).get("occurred_at").asText();
    String second = orgs.aTask(team.org(), team.ada(), null, "Second");
    orgs.retitle(second, team.ada(), "Second, renamed");

    List<JsonNode> created =
        log()
            .readShowing(
                team.ada().token(), audit(team), 0, "&type=task.created", e -> e.size() == 2);
    List<JsonNode> untilCut = log().read(team.ada().token(), audit(team), 0, "&until=" + cut);
    List<JsonNode> sinceCut =
        log().read(team.ada().token(), audit(team), 0, "&since=" + cut + "&type=task.created");

    assertThat(created)
        .extracting(e -> e.get("aggregate_id").asText())
        .containsExactly(first, second);
    assertThat(AuditLog.types(untilCut)).hasSize(5).doesNotContain("task.created");
    assertThat(sinceCut)
        .extracting(e -> e.get("aggregate_id").asText())
        .containsExactly(first, second);
  }

  @Test
  void aMemberWhoIsNotAnAdminIsRefused() {
    Team team = orgs.aTeam();

    Response asMember = api.as(team.bob().token()).get(audit(team));
    Response asOutsider = api.as(team.dave().token()).get(audit(team));
    Response anonymous = api.get(audit(team));

    assertThat(asMember.status()).isEqualTo(403);
    assertThat(asMember.json().at("/error/code").asText()).isEqualTo("permission_denied");
    assertThat(asOutsider.status()).isEqualTo(404);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void wrongParametersAreNamedInOne400() {
    Team team = orgs.aTeam();

    Response wrong =
        api.as(team.ada().token())
            .get(
                audit(team)
                    + "?after=-1&limit=zero&type=task.exploded&since=today&until=2026-13-01");

    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    JsonNode details = wrong.json().at("/error/details");
    assertThat(details.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("after", "limit", "type", "since", "until");
    assertThat(details.get("type").get(0).asText()).contains("task.exploded");
  }

  @Test
  void eachParameterGivenMoreThanOnceIsNamedAsSuch() {
    Team team = orgs.aTeam();

    Response twice =
        api.as(team.ada().token())
            .get(
                audit(team)
                    + "?after=1&after=2&limit=5&limit=5&type=task.created&type=task.created"
                    + "&since=2026-03-01T00:00:00Z&since=2026-03-02T00:00:00Z"
                    + "&until=2026-03-03T00:00:00Z&until=");

    assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
    JsonNode details = twice.json().at("/error/details");
    assertThat(details.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("after", "limit", "type", "since", "until");
    details.forEach(
        messages ->
            assertThat(messages)
                .extracting(JsonNode::asText)
                .containsExactly("This parameter was given more than once."));
  }
}
