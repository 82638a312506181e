package io.quire.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The task list's filters, orderings and pages, on one team's tasks made in a known order. */
@IntegrationTest
class TaskListIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;

  private Team team;

  @BeforeEach
  void fourTasksMadeOneAfterTheOther() {
    team = orgs.aTeam();
    create("Write the plan", "Cover PBT", team.carol().id(), "2026-05-01");
    create("Review 100% of it", "contracts_and_load", team.bob().id(), null);
    create("Ship", "the Plan, finally", null, "2026-04-01");
    create("Celebrate", "", team.carol().id(), "2026-06-01");
    Response done = api.as(team.ada().token()).patch(taskNamed("Ship"), Map.of("status", "done"));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
  }

  @Test
  void theDefaultOrderIsNewestFirst() {
    assertThat(titles(""))
        .containsExactly("Celebrate", "Ship", "Review 100% of it", "Write the plan");
  }

  @Test
  void everyOrderingOfTheContractIsServed() {
    assertThat(titles("?ordering=created_at"))
        .containsExactly("Write the plan", "Review 100% of it", "Ship", "Celebrate");
    assertThat(titles("?ordering=-created_at"))
        .containsExactly("Celebrate", "Ship", "Review 100% of it", "Write the plan");
    assertThat(titles("?ordering=due_date"))
        .as("tasks without a due date come last")
        .containsExactly("Ship", "Write the plan", "Celebrate", "Review 100% of it");
    assertThat(titles("?ordering=-due_date"))
        .as("tasks without a due date come last")
        .containsExactly("Celebrate", "Write the plan", "Ship", "Review 100% of it");
  }

  @Test
  void tasksAreFilteredByStatusAndAssignee() {
    assertThat(titles("?status=done")).containsExactly("Ship");
    assertThat(titles("?status=todo")).hasSize(3);
    assertThat(titles("?assigned_to=" + team.carol().id()))
        .containsExactly("Celebrate", "Write the plan");
    assertThat(titlesAs(team.bob().token(), "?assigned_to=me"))
        .containsExactly("Review 100% of it");
    assertThat(titles("?assigned_to=me")).as("ada holds none").isEmpty();
    assertThat(titles("?status=todo&assigned_to=" + team.carol().id() + "&ordering=created_at"))
        .containsExactly("Write the plan", "Celebrate");
  }

  @Test
  void textSearchMatchesTitleOrDescriptionInAnyCase() {
    assertThat(titles("?q=PLAN")).containsExactly("Ship", "Write the plan");
    assertThat(titles("?q=100%25")).as("% is literal").containsExactly("Review 100% of it");
    assertThat(titles("?q=s_and")).as("_ is literal").containsExactly("Review 100% of it");
    assertThat(titles("?q=s%25and")).isEmpty();
    assertThat(titles("?q=%20%20")).as("blank is no filter").hasSize(4);
  }

  @Test
  void pagesDoNotOverlapAndCoverTheList() {
    Response first = get("?page_size=3&ordering=due_date");
    Response second = get("?page_size=3&ordering=due_date&page=2");

    assertThat(first.json().get("count").asInt()).isEqualTo(4);
    assertThat(first.json().get("next").asText()).endsWith("page=2");
    assertThat(titles(first)).containsExactly("Ship", "Write the plan", "Celebrate");
    assertThat(titles(second)).containsExactly("Review 100% of it");
    assertThat(second.json().get("next").isNull()).isTrue();
  }

  @Test
  void badFiltersAreEachNamedInOne400() {
    Response page = get("?page=0");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.json().at("/error/details/page").isArray()).isTrue();

    Response filters = get("?status=finished&assigned_to=carol&ordering=title");
    assertThat(filters.status()).isEqualTo(400);
    assertThat(filters.json().at("/error/details").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("status", "assigned_to", "ordering");
  }

  private void create(String title, String description, String assignee, String dueDate) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("description", description);
    body.put("assigned_to", assignee);
    body.put("due_date", dueDate);
    Response r = api.as(team.ada().token()).post(team.org().path("tasks/"), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private String taskNamed(String title) {
    for (JsonNode task : get("").json().get("results")) {
      if (task.get("title").asText().equals(title)) {
        return team.org().path("tasks/" + task.get("id").asText() + "/");
      }
    }
    throw new AssertionError("No task " + title);
  }

  private Response get(String query) {
    return api.as(team.ada().token()).get(team.org().path("tasks/") + query);
  }

  private List<String> titles(String query) {
    return titles(get(query));
  }

  private List<String> titlesAs(String token, String query) {
    return titles(api.as(token).get(team.org().path("tasks/") + query));
  }

  private static List<String> titles(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("results").findValuesAsText("title");
  }
}
