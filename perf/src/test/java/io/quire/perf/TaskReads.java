package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A signed-in org member's task reads ({@link SeededMembers} feeds {@code token}, {@code org} and
 * {@code taskIds}), one chain per request, each checking its status and the shape of its answer.
 * The list keeps one listed id as {@code taskId} for {@link #detailOfListed()}.
 */
final class TaskReads {

  static final String LIST = "task list";
  static final String DETAIL = "task detail";
  static final int PAGE_SIZE = 20;

  /**
   * What a list page asks for besides the page: nothing (half the time), a status, the caller's own
   * tasks, or another ordering; every filter and ordering of the contract.
   */
  private static final List<String> FILTERS =
      List.of(
          "",
          "",
          "",
          "",
          "",
          "",
          "&status=todo",
          "&status=in_progress",
          "&status=done",
          "&assigned_to=me",
          "&ordering=due_date",
          "&ordering=-due_date",
          "&ordering=created_at");

  private TaskReads() {}

  static String tasksOfOrg() {
    return "/api/v1/orgs/#{org}/tasks/";
  }

  /** A page of 20 of the org's tasks: page 1 to 3, with one of {@link #FILTERS}. */
  static ChainBuilder listPage() {
    return exec(session -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          return session
              .set("page", 1 + random.nextInt(3))
              .set("filter", FILTERS.get(random.nextInt(FILTERS.size())));
        })
        .exec(
            http(LIST)
                .get(tasksOfOrg() + "?page_size=" + PAGE_SIZE + "&page=#{page}#{filter}")
                .header("Authorization", "Token #{token}")
                .check(
                    status().is(200),
                    jmesPath("count").ofInt().exists(),
                    jmesPath("length(results)").ofInt().lte(PAGE_SIZE),
                    keepOneListedId()));
  }

  /** The detail of the task the list kept, if it listed any. */
  static ChainBuilder detailOfListed() {
    return doIf(session -> session.contains("taskId")).then(detail());
  }

  /** The detail of one of the org's newest tasks, known before the run. */
  static ChainBuilder detailOfKnown() {
    return exec(session -> {
          List<String> ids = session.getList("taskIds");
          return session.set("taskId", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        })
        .exec(detail());
  }

  /** {@code GET /api/v1/orgs/{org}/tasks/{taskId}/}. */
  static ChainBuilder detail() {
    return exec(
        http(DETAIL)
            .get(tasksOfOrg() + "#{taskId}/")
            .header("Authorization", "Token #{token}")
            .check(
                status().is(200),
                jmesPath("id").isEL("#{taskId}"),
                jmesPath("org").isEL("#{org}"),
                jmesPath("version").ofInt().exists()));
  }

  private static CheckBuilder keepOneListedId() {
    return jsonPath("$.results[*].id").findRandom().optional().saveAs("taskId");
  }
}
