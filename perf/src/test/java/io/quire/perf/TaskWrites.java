package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A member's task writes, each followed at once by a read of what it wrote: create a task assigned
 * to oneself, move it to {@code in_progress}, reassign it to another member of the org. Every read
 * back must show the write (its {@code version}, status or assignee); a stale read fails the
 * request, so read-your-writes is checked on every write.
 *
 * <p>The read back is the group {@value #LAG}: every projection is applied before a write answers
 * (subscribing processors, docs/architecture.md), so the time of the first read that shows the
 * write is an upper bound of the projection lag, measured, not assumed.
 */
final class TaskWrites {

  static final String CREATE = "create task";
  static final String STATUS = "update status";
  static final String REASSIGN = "reassign";
  static final List<String> WRITES = List.of(CREATE, STATUS, REASSIGN);
  static final String LAG = "projection lag";
  static final String READ_BACK = "read back";

  private static final AtomicLong TASK_NUMBERS = new AtomicLong();

  private TaskWrites() {}

  /** The three writes with their reads back. */
  static ChainBuilder createUpdateReassign() {
    return exec(session -> session.set("title", "Load test task " + TASK_NUMBERS.incrementAndGet()))
        .exec(
            http(CREATE)
                .post(TaskReads.tasksOfOrg())
                .header("Authorization", "Token #{token}")
                .body(StringBody("{\"title\": \"#{title}\", \"assigned_to\": \"#{userId}\"}"))
                .asJson()
                .check(
                    status().is(201),
                    jmesPath("id").saveAs("taskId"),
                    jmesPath("version").saveAs("version")))
        .exec(readBack("title", "#{title}"))
        .exec(
            http(STATUS)
                .patch(TaskReads.tasksOfOrg() + "#{taskId}/")
                .header("Authorization", "Token #{token}")
                .body(StringBody("{\"status\": \"in_progress\"}"))
                .asJson()
                .check(status().is(200), jmesPath("version").saveAs("version")))
        .exec(readBack("status", "in_progress"))
        .exec(
            session -> {
              List<String> others = session.getList("otherMemberIds");
              return session.set(
                  "assignee", others.get(ThreadLocalRandom.current().nextInt(others.size())));
            })
        .exec(
            http(REASSIGN)
                .patch(TaskReads.tasksOfOrg() + "#{taskId}/")
                .header("Authorization", "Token #{token}")
                .body(StringBody("{\"assigned_to\": \"#{assignee}\"}"))
                .asJson()
                .check(status().is(200), jmesPath("version").saveAs("version")))
        .exec(readBack("assigned_to.id", "#{assignee}"));
  }

  /** Reads the task at once; it must be at the written version and show the written value. */
  private static ChainBuilder readBack(String field, String expected) {
    return group(LAG)
        .on(
            exec(
                http(READ_BACK)
                    .get(TaskReads.tasksOfOrg() + "#{taskId}/")
                    .header("Authorization", "Token #{token}")
                    .check(
                        status().is(200),
                        jmesPath("version").isEL("#{version}"),
                        jmesPath(field).isEL(expected))));
  }
}
