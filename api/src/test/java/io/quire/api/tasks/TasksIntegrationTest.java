package io.quire.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Orgs.TestOrg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TasksIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;

  @Test
  void aMemberCreatesATaskForAColleague() {
    Team team = orgs.aTeam();

    Response created =
        api.as(team.bob().token())
            .post(
                tasks(team),
                Map.of(
                    "title", "  Write the quality plan ",
                    "description", "Cover PBT, contracts and load",
                    "assigned_to", team.carol().id(),
                    "due_date", "2026-04-01"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode task = created.json();
    assertThat(task.get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(task.get("org").asText()).isEqualTo(team.org().slug());
    assertThat(task.get("title").asText()).isEqualTo("Write the quality plan");
    assertThat(task.get("description").asText()).isEqualTo("Cover PBT, contracts and load");
    assertThat(task.get("status").asText()).isEqualTo("todo");
    assertThat(task.at("/created_by/username").asText()).isEqualTo(team.bob().username());
    assertThat(task.at("/assigned_to/id").asText()).isEqualTo(team.carol().id());
    assertThat(task.get("due_date").asText()).isEqualTo("2026-04-01");
    assertThat(task.get("updated_at")).isEqualTo(task.get("created_at"));
    assertThat(task.get("version").asInt()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(created.header("Location")).isEqualTo(tasks(team) + task.get("id").asText() + "/");
    assertThat(api.as(team.ada().token()).get(created.header("Location")).json()).isEqualTo(task);
  }

  @Test
  void aTaskCanOnlyBeAssignedToAMember() {
    Team team = orgs.aTeam();

    Response r =
        api.as(team.bob().token())
            .post(tasks(team), Map.of("title", "x", "assigned_to", team.dave().id()));

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().at("/error/details/assigned_to").isArray()).isTrue();
    assertThat(count(team, "")).isZero();
  }

  @Test
  void aTaskNeedsATitleOfAtMost200Characters() {
    Team team = orgs.aTeam();
    var bob = api.as(team.bob().token());

    Response missing = bob.post(tasks(team), Map.of("description", "x"));
    Response blank = bob.post(tasks(team), Map.of("title", "   "));
    Response tooLong = bob.post(tasks(team), Map.of("title", "x".repeat(201)));
    Response badDate = bob.post(tasks(team), Map.of("title", "x", "due_date", "2026-02-30"));
    Response badId = bob.post(tasks(team), Map.of("title", "x", "assigned_to", "carol"));

    assertThat(missing.json().at("/error/details/title/0").asText())
        .isEqualTo("This field is required.");
    assertThat(blank.json().at("/error/details/title").isArray()).isTrue();
    assertThat(tooLong.json().at("/error/details/title").isArray()).isTrue();
    assertThat(badDate.json().at("/error/details/due_date").isArray()).isTrue();
    assertThat(badId.json().at("/error/details/assigned_to").isArray()).isTrue();
    for (Response r : List.of(missing, blank, tooLong, badDate, badId)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
    }
    assertThat(count(team, "")).isZero();
  }

  @Test
  void theAssigneeSetsTheTaskInProgress() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");

    Response r =
        api.as(team.carol().token()).patch(task(team, task), Map.of("status", "in_progress"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("in_progress");
    assertThat(r.json().get("version").asInt()).isEqualTo(2);
    assertThat(r.header("ETag")).isEqualTo("W/\"2\"");
    assertThat(r.json().get("updated_at").asText())
        .isGreaterThan(r.json().get("created_at").asText());
  }

  @Test
  void memberCannotEditSomeoneElsesTask() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");

    Response r = api.as(team.erin().token()).patch(task(team, task), Map.of("title", "Mine now"));

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("permission_denied");
    assertThat(get(team, task).get("title").asText()).isEqualTo("Plan");
    assertThat(get(team, task).get("version").asInt()).isEqualTo(1);
  }

  @Test
  void theCreatorAndAnyAdminMayEdit() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");

    Response byCreator =
        api.as(team.bob().token()).patch(task(team, task), Map.of("title", "Bob's"));
    Response byAdmin =
        api.as(team.ada().token()).patch(task(team, task), Map.of("description", "Ada's"));

    assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(200);
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
    assertThat(byAdmin.json().get("title").asText()).isEqualTo("Bob's");
    assertThat(byAdmin.json().get("description").asText()).isEqualTo("Ada's");
    assertThat(byAdmin.json().get("version").asInt()).isEqualTo(3);
  }

  @Test
  void anEditThatChangesNothingAddsNoVersion() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");

    Response same =
        api.as(team.bob().token())
            .patch(task(team, task), Map.of("title", "Plan", "status", "todo"));
    Response empty = api.as(team.bob().token()).patch(task(team, task), Map.of());

    assertThat(same.status()).isEqualTo(200);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void theAssigneeAndDueDateCanBeChangedAndCleared() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    var ada = api.as(team.ada().token());

    Response reassigned =
        ada.patch(
            task(team, task), Map.of("assigned_to", team.erin().id(), "due_date", "2026-05-01"));
    Map<String, Object> clear = new HashMap<>();
    clear.put("assigned_to", null);
    clear.put("due_date", null);
    Response cleared = ada.patch(task(team, task), clear);
    Response outsider = ada.patch(task(team, task), Map.of("assigned_to", team.dave().id()));

    assertThat(reassigned.json().at("/assigned_to/username").asText())
        .isEqualTo(team.erin().username());
    assertThat(reassigned.json().get("due_date").asText()).isEqualTo("2026-05-01");
    assertThat(cleared.json().get("assigned_to").isNull()).isTrue();
    assertThat(cleared.json().get("due_date").isNull()).isTrue();
    assertThat(outsider.status()).isEqualTo(400);
    assertThat(outsider.json().at("/error/details/assigned_to").isArray()).isTrue();
  }

  @Test
  void nullForAFieldThatCannotBeEmptyIsA400() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("title", null);
    nulls.put("status", null);

    Response r = api.as(team.bob().token()).patch(task(team, task), nulls);
    Response badStatus =
        api.as(team.bob().token()).patch(task(team, task), Map.of("status", "finished"));
    Response unknown = api.as(team.bob().token()).patch(task(team, task), Map.of("org", "x"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/details/title/0").asText())
        .isEqualTo("This field may not be null.");
    assertThat(r.json().at("/error/details/status/0").asText())
        .isEqualTo("This field may not be null.");
    assertThat(badStatus.json().at("/error/details/status/0").asText())
        .isEqualTo("\"finished\" is not a valid choice.");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(get(team, task).get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    var carol = api.as(team.carol().token());
    carol.patch(task(team, task), Map.of("status", "in_progress"));

    Response stale =
        carol
            .request("PATCH", task(team, task))
            .header("If-Match", "W/\"1\"")
            .json(Map.of("status", "done"))
            .send();
    Response garbage =
        carol
            .request("PATCH", task(team, task))
            .header("If-Match", "\"abc\"")
            .json(Map.of("status", "done"))
            .send();
    Response staleDelete =
        api.as(team.bob().token())
            .request("DELETE", task(team, task))
            .header("If-Match", "W/\"1\"")
            .send();

    for (Response r : List.of(stale, garbage, staleDelete)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(412);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("precondition_failed");
    }
    assertThat(get(team, task).get("status").asText()).isEqualTo("in_progress");
    assertThat(get(team, task).get("version").asInt()).isEqualTo(2);

    Response current =
        carol
            .request("PATCH", task(team, task))
            .header("If-Match", "W/\"2\"")
            .json(Map.of("status", "done"))
            .send();
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(current.json().get("status").asText()).isEqualTo("done");
  }

  @Test
  void anIfMatchListMatchesWhenItNamesTheCurrentVersion() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), null, "Plan");
    var bob = api.as(team.bob().token());

    Response listed =
        bob.request("PATCH", task(team, task))
            .header("If-Match", "W/\"7\", W/\"1\"")
            .json(Map.of("title", "Listed"))
            .send();
    Response stale =
        bob.request("PATCH", task(team, task))
            .header("If-Match", "W/\"1\", W/\"3\"")
            .json(Map.of("title", "Stale"))
            .send();

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
    assertThat(get(team, task).get("title").asText()).isEqualTo("Listed");
  }

  @Test
  void concurrentEditsWithoutIfMatchAreAllApplied() throws Exception {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    int editors = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(editors);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < editors; i++) {
        String title = "Edit " + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.as(team.ada().token()).patch(task(team, task), Map.of("title", title));
                }));
      }
      start.countDown();
      for (Future<Response> answer : answers) {
        assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode history =
        api.as(team.ada().token()).get(task(team, task) + "history/?page_size=100").json();
    assertThat(history.get("count").asInt()).isEqualTo(1 + editors);
    assertThat(get(team, task).get("version").asInt()).isEqualTo(1 + editors);
  }

  @Test
  void theCreatorOrAnAdminDeletesATaskAndNobodyElse() {
    Team team = orgs.aTeam();
    String bobs = orgs.aTask(team.org(), team.bob(), team.carol(), "Bob's");
    String erins = orgs.aTask(team.org(), team.erin(), null, "Erin's");

    Response byAssignee = api.as(team.carol().token()).delete(task(team, bobs));
    Response byCreator = api.as(team.bob().token()).delete(task(team, bobs));
    Response byAdmin = api.as(team.ada().token()).delete(task(team, erins));

    assertThat(byAssignee.status()).isEqualTo(403);
    assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(204);
    assertThat(byAdmin.status()).isEqualTo(204);
    assertThat(api.as(team.ada().token()).get(task(team, bobs)).status()).isEqualTo(404);
    assertThat(api.as(team.ada().token()).patch(task(team, bobs), Map.of("title", "x")).status())
        .isEqualTo(404);
    assertThat(count(team, "")).isZero();
  }

  @Test
  void theHistoryListsEveryEventOldestFirstWithItsActor() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    api.as(team.carol().token()).patch(task(team, task), Map.of("status", "done"));
    api.as(team.ada().token()).patch(task(team, task), Map.of("assigned_to", team.erin().id()));

    Response history = api.as(team.erin().token()).get(task(team, task) + "history/");

    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    JsonNode events = history.json().get("results");
    assertThat(history.json().get("count").asInt()).isEqualTo(3);
    assertThat(events.findValuesAsText("type"))
        .containsExactly("task.created", "task.status_changed", "task.assigned");
    assertThat(events.findValues("sequence").stream().map(JsonNode::asInt))
        .containsExactly(1, 2, 3);
    assertThat(events.get(0).at("/actor/username").asText()).isEqualTo(team.bob().username());
    assertThat(events.get(1).at("/actor/username").asText()).isEqualTo(team.carol().username());
    assertThat(events.get(1).at("/data/status").asText()).isEqualTo("done");
    assertThat(events.get(2).at("/actor/username").asText()).isEqualTo(team.ada().username());
  }

  @Test
  void asOfShowsTheTaskAsItStoodThen() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), team.carol(), "Plan");
    JsonNode created = get(team, task);
    api.as(team.carol().token()).patch(task(team, task), Map.of("status", "done", "title", "Done"));

    Response then =
        api.as(team.bob().token())
            .get(task(team, task) + "?as_of=" + created.get("created_at").asText());
    Response before =
        api.as(team.bob().token()).get(task(team, task) + "?as_of=2020-01-01T00:00:00Z");
    Response bad = api.as(team.bob().token()).get(task(team, task) + "?as_of=yesterday");

    assertThat(then.status()).as(then.toString()).isEqualTo(200);
    assertThat(then.json()).isEqualTo(created);
    assertThat(then.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(before.status()).isEqualTo(404);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/details/as_of").isArray()).isTrue();
    assertThat(get(team, task).get("title").asText()).isEqualTo("Done");
  }

  @Test
  void aTaskOfAnotherOrgIsNotFoundThroughThisOrg() {
    Team team = orgs.aTeam();
    TestOrg other = orgs.anOrgAdministeredBy(team.ada());
    String elsewhere = orgs.aTask(other, team.ada(), null, "Elsewhere");
    var ada = api.as(team.ada().token());

    assertThat(ada.get(tasks(team) + elsewhere + "/").status()).isEqualTo(404);
    assertThat(ada.patch(tasks(team) + elsewhere + "/", Map.of("title", "x")).status())
        .isEqualTo(404);
    assertThat(ada.delete(tasks(team) + elsewhere + "/").status()).isEqualTo(404);
    assertThat(ada.get(tasks(team) + elsewhere + "/history/").status()).isEqualTo(404);
    assertThat(ada.get(tasks(team) + "not-a-uuid/").status()).isEqualTo(404);
    assertThat(ada.get(tasks(team) + UUID.randomUUID() + "/").status()).isEqualTo(404);
  }

  @Test
  void everyWriteIsInTheNextReadOfAnyOtherClient() {
    Team team = orgs.aTeam();
    var bob = api.as(team.bob().token());
    var carol = api.as(team.carol().token());
    for (int i = 1; i <= 15; i++) {
      Response created =
          bob.post(tasks(team), Map.of("title", "Task " + i, "assigned_to", team.carol().id()));
      String id = created.json().get("id").asText();
      assertThat(carol.get(tasks(team) + "?assigned_to=me").json().get("count").asInt())
          .isEqualTo(i);
      Response started = carol.patch(task(team, id), Map.of("status", "in_progress"));
      assertThat(started.status()).isEqualTo(200);
      assertThat(bob.get(task(team, id)).json().get("status").asText()).isEqualTo("in_progress");
      assertThat(bob.get(tasks(team) + "?status=in_progress").json().get("count").asInt())
          .isEqualTo(i);
    }
  }

  private static String tasks(Team team) {
    return team.org().path("tasks/");
  }

  private static String task(Team team, String id) {
    return team.org().path("tasks/" + id + "/");
  }

  private JsonNode get(Team team, String id) {
    return api.as(team.ada().token()).get(task(team, id)).json();
  }

  private int count(Team team, String query) {
    return api.as(team.ada().token()).get(tasks(team) + query).json().get("count").asInt();
  }
}
