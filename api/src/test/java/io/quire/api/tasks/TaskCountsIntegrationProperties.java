package io.quire.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The task list's bookkeeping on PostgreSQL (migration V6): its count, kept in {@code task_counts}
 * instead of counted per request, is always the number of the org's tasks in the list, after any
 * sequence of creations, changes and deletions and under concurrent status changes in one org; and
 * its pages, served again while {@code task_list_versions} has not changed, always show every
 * change made before they were asked for.
 */
@IntegrationTest
class TaskCountsIntegrationProperties {

  private static final TaskStatus[] STATUSES = TaskStatus.values();

  /**
   * An operation on an org's tasks: 0 creates one, 1-3 move task n to a status, 4 deletes it, 5
   * retitles it.
   */
  private record Step(int kind, int task) {}

  private static final Gen<Step> STEPS =
      integers().between(0, 5).zip(integers().between(0, 7), Step::new);

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Users users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theListCountIsTheNumberOfTheOrgsTasksInEachStatusAfterAnyChanges() {
    TestUser ada = users.aRegisteredUser("ada");
    Seeded.qt()
        .withExamples(25)
        .forAll(lists().of(STEPS).ofSizeBetween(0, 16))
        .checkAssert(
            steps -> {
              TestOrg org = orgs.anOrgAdministeredBy(ada);
              List<String> tasks = new ArrayList<>();
              Map<String, TaskStatus> model = new HashMap<>();
              Map<String, String> titles = new HashMap<>();
              for (Step step : steps) {
                if (step.kind() == 0 || tasks.isEmpty()) {
                  String task = orgs.aTask(org, ada, null, "Task " + tasks.size());
                  tasks.add(task);
                  model.put(task, TaskStatus.TODO);
                  titles.put(task, "Task " + (tasks.size() - 1));
                  continue;
                }
                String task = tasks.get(step.task() % tasks.size());
                if (step.kind() == 4) {
                  orgs.delete(task, ada);
                  tasks.remove(task);
                  model.remove(task);
                  titles.remove(task);
                } else if (step.kind() == 5) {
                  String title = "Task " + task.substring(0, 8) + " at step " + titles.size();
                  orgs.retitle(task, ada, title);
                  titles.put(task, title);
                } else {
                  orgs.move(task, ada, STATUSES[step.kind() - 1]);
                  model.put(task, STATUSES[step.kind() - 1]);
                }
                assertThat(listed(org, ada))
                    .as("the list after " + step)
                    .isEqualTo(shown(model, titles));
              }
              assertTheCountsAre(org, ada, model);
            });
  }

  @Test
  void concurrentStatusChangesInOneOrgAllSucceedAndKeepTheCountsRight() throws Exception {
    TestUser ada = users.aRegisteredUser("ada");
    TestOrg org = orgs.anOrgAdministeredBy(ada);
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(orgs.aTask(org, ada, null, "Task " + i));
    }
    // Half of the tasks go todo -> in_progress -> done -> todo, the other half the other way
    // round, all at once: opposite changes lock the same two count rows.
    List<Callable<Void>> movers = new ArrayList<>();
    Map<String, TaskStatus> model = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      String task = tasks.get(i);
      TaskStatus last = i % 3 == 0 ? TaskStatus.DONE : TaskStatus.TODO;
      model.put(task, last);
      TaskStatus[] cycle =
          i % 2 == 0
              ? new TaskStatus[] {TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.TODO}
              : new TaskStatus[] {TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.TODO};
      movers.add(
          () -> {
            for (int round = 0; round < 5; round++) {
              for (TaskStatus status : cycle) {
                orgs.move(task, ada, status);
              }
            }
            orgs.move(task, ada, last);
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(movers.size());
    try {
      for (Future<Void> mover : pool.invokeAll(movers)) {
        mover.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertTheCountsAre(org, ada, model);
  }

  /**
   * Creations and edits of two fields (two events, so two updates of the task's row in one
   * transaction) at once in one org. With V6's triggers the edit took the org's version row first
   * and a count row second, a creation the other way round, and PostgreSQL failed one of them as a
   * deadlock (a 500); V13 takes the version row first everywhere.
   */
  @Test
  void creationsAndTwoFieldEditsAtOnceInOneOrgAllSucceedAndKeepTheCountsRight() throws Exception {
    TestUser ada = users.aRegisteredUser("ada");
    TestOrg org = orgs.anOrgAdministeredBy(ada);
    var admin = api.as(ada.token());
    TaskStatus[] cycle = {TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.TODO};
    Map<String, TaskStatus> model = new ConcurrentHashMap<>();
    List<Callable<List<String>>> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int writer = w;
      writers.add(
          () -> {
            List<String> failures = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
              Response created =
                  admin.post(org.path("tasks/"), Map.of("title", "w" + writer + " t" + t));
              if (created.status() != 201) {
                failures.add(created.toString());
                continue;
              }
              String id = created.json().get("id").asText();
              model.put(id, TaskStatus.TODO);
              for (int k = 0; k < cycle.length; k++) {
                Response edited =
                    admin.patch(
                        org.path("tasks/" + id + "/"),
                        Map.of(
                            "title",
                            "w" + writer + " t" + t + " e" + k,
                            "status",
                            cycle[k].wireName()));
                if (edited.status() != 200) {
                  failures.add(edited.toString());
                } else {
                  model.put(id, cycle[k]);
                }
              }
            }
            return failures;
          });
    }
    List<String> failures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      for (Future<List<String>> writer : pool.invokeAll(writers)) {
        failures.addAll(writer.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failures).isEmpty();
    assertTheCountsAre(org, ada, model);
  }

  private void assertTheCountsAre(TestOrg org, TestUser viewer, Map<String, TaskStatus> model) {
    assertThat(listCount(org, viewer, "")).as("all tasks").isEqualTo(model.size());
    Map<TaskStatus, Long> byStatus =
        model.values().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s, () -> new EnumMap<>(TaskStatus.class), Collectors.counting()));
    for (TaskStatus status : STATUSES) {
      assertThat(listCount(org, viewer, "&status=" + status.wireName()))
          .as(status.wireName())
          .isEqualTo(byStatus.getOrDefault(status, 0L));
    }
    assertThat(keptCounts(org)).as("task_counts matches task_view").isEqualTo(countedRows(org));
  }

  /** Each listed task as "id status title", from one page of up to 100. */
  private Set<String> listed(TestOrg org, TestUser viewer) {
    Response r = api.as(viewer.token()).get(org.path("tasks/") + "?page_size=100");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Set<String> shown = new TreeSet<>();
    r.json()
        .get("results")
        .forEach(
            t ->
                shown.add(
                    t.get("id").asText()
                        + " "
                        + t.get("status").asText()
                        + " "
                        + t.get("title").asText()));
    return shown;
  }

  private static Set<String> shown(Map<String, TaskStatus> statuses, Map<String, String> titles) {
    Set<String> shown = new TreeSet<>();
    statuses.forEach(
        (id, status) -> shown.add(id + " " + status.wireName() + " " + titles.get(id)));
    return shown;
  }

  private long listCount(TestOrg org, TestUser viewer, String filter) {
    Response r = api.as(viewer.token()).get(org.path("tasks/") + "?page_size=1" + filter);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("count").asLong();
  }

  private Map<String, Long> keptCounts(TestOrg org) {
    return countsByStatus(
        "SELECT status, tasks FROM task_counts WHERE org_id = ? AND tasks > 0", org);
  }

  private Map<String, Long> countedRows(TestOrg org) {
    return countsByStatus(
        "SELECT status, COUNT(*) AS tasks FROM task_view WHERE org_id = ? GROUP BY status", org);
  }

  /** Status -> tasks, from a statement answering those two columns for the org. */
  private Map<String, Long> countsByStatus(String sql, TestOrg org) {
    Map<String, Long> counts = new TreeMap<>();
    RowCallbackHandler put = row -> counts.put(row.getString("status"), row.getLong("tasks"));
    jdbc.query(sql, put, org.id().value());
    return counts;
  }
}
