package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.SecondServer;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.accounts.UserRegisteredEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The exact stream on PostgreSQL, with two servers on one database: a reader following {@code
 * next_after} (or NDJSON) on either server sees every committed event exactly once, in one order,
 * however long a write stayed open, and a write that rolled back holds nobody up. No time guess is
 * involved, so nothing here waits for one.
 */
@IntegrationTest
class ExactStreamIntegrationTest {

  /** Longer than any settle time the audit log ever had (10 s, then 60 s). */
  private static final Duration LONGER_THAN_ANY_SETTLE_TIME = Duration.ofSeconds(62);

  @RegisterExtension static final SecondServer second = new SecondServer();

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired DataSource dataSource;

  private HttpApi other;

  @BeforeEach
  void aSecondServer() {
    other = second.api();
  }

  @Test
  void aWriteHeldOpenLongerThanAnySettleTimeIsSeenOnceByReadersOnBothServers() throws Exception {
    TestUser staff = users.aStaffUser();
    Team held = orgs.aTeam();
    Team busy = orgs.aTeam();
    orgs.aTask(held.org(), held.ada(), null, "Makes the org's task list version row");
    long start = head(staff);
    StreamFollower pagesOnOne = new StreamFollower(api, staff.token(), start, 7);
    StreamFollower pagesOnTwo = new StreamFollower(other, staff.token(), start, 1000);
    StreamFollower linesOnTwo = new StreamFollower(other, staff.token(), start, 1000);
    List<String> writtenMeanwhile = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Response> heldWrite;

    try (Connection psql = dataSource.getConnection()) {
      // An operator's session holds the row every task write of the org takes after appending.
      psql.setAutoCommit(false);
      int psqlPid = lockTaskListVersion(psql, held);
      heldWrite =
          CompletableFuture.supplyAsync(
              () ->
                  api.as(held.ada().token())
                      .request("POST", held.org().path("tasks/"))
                      .json(Map.of("title", "Held"))
                      .timeout(LONGER_THAN_ANY_SETTLE_TIME.plusMinutes(1))
                      .send());
      await().atMost(Duration.ofSeconds(20)).until(() -> blockedBy(psqlPid) == 1);

      await()
          .during(LONGER_THAN_ANY_SETTLE_TIME)
          .atMost(LONGER_THAN_ANY_SETTLE_TIME.plusSeconds(30))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                writtenMeanwhile.add(aTask(api, busy, "On one"));
                writtenMeanwhile.add(aTask(other, busy, "On two"));
                pagesOnOne.readOn();
                pagesOnTwo.readOn();
                linesOnTwo.streamOn();
                for (StreamFollower follower : List.of(pagesOnOne, pagesOnTwo, linesOnTwo)) {
                  assertThat(writtenMeanwhile).allMatch(task -> follower.timesSeen(task) == 1);
                  assertThat(follower.seen()).noneMatch(ExactStreamIntegrationTest::isTheHeldTask);
                }
                assertThat(heldWrite).isNotDone();
              });
      psql.commit();
    }
    Response answered = heldWrite.join();
    assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
    String heldTask = answered.json().get("id").asText();

    for (StreamFollower follower : List.of(pagesOnOne, pagesOnTwo, linesOnTwo)) {
      follower.readOn();
      follower.sawEveryPositionOnceInOrder();
      assertThat(follower.timesSeen(heldTask)).isEqualTo(1);
      assertThat(writtenMeanwhile).allMatch(task -> follower.timesSeen(task) == 1);
    }
    assertThat(commonPrefix(pagesOnOne, pagesOnTwo)).isGreaterThan(writtenMeanwhile.size());
    assertThat(commonPrefix(pagesOnTwo, linesOnTwo)).isGreaterThan(writtenMeanwhile.size());
  }

  @Test
  void anAppendThatRolledBackHoldsNobodyUp() throws Exception {
    TestUser staff = users.aStaffUser();
    long start = head(staff);
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      appendWithoutCommitting(held);
      TestUser meanwhile = users.aRegisteredUser("meanwhile");
      StreamFollower whileOpen = new StreamFollower(other, staff.token(), start, 100).readOn();
      assertThat(whileOpen.timesSeen(meanwhile.id())).isEqualTo(1);
      held.rollback();
    }
    TestUser later = users.aRegisteredUser("later");

    StreamFollower follower = new StreamFollower(api, staff.token(), start, 100).readOn();

    assertThat(follower.timesSeen(later.id())).isEqualTo(1);
    assertThat(follower.seen()).noneMatch(e -> e.at("/data/username").asText().startsWith("held-"));
    follower.sawEveryPositionOnceInOrder();
  }

  @Test
  void anAppendHeldOpenOnOneConnectionAppearsOnceAfterWhatCommittedBeforeIt() throws Exception {
    TestUser staff = users.aStaffUser();
    long start = head(staff);
    StreamFollower follower = new StreamFollower(other, staff.token(), start, 3);
    long heldIndex;
    TestUser before;
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      heldIndex = appendWithoutCommitting(held);
      before = users.aRegisteredUser("before");
      follower.readOn();
      assertThat(follower.globalSequences()).doesNotContain(heldIndex);
      held.commit();
    }

    follower.readOn();

    follower.sawEveryPositionOnceInOrder();
    List<Long> order = follower.globalSequences();
    assertThat(order).containsOnlyOnce(heldIndex);
    assertThat(order.indexOf(heldIndex))
        .as("a higher position than an event with a higher global index that committed first")
        .isGreaterThan(order.indexOf(globalSequenceOf(follower, before.id())));
  }

  @Test
  void thousandsOfWritesThroughTwoServersAreSeenOnceAndInOneOrderByEveryReader() throws Exception {
    TestUser staff = users.aStaffUser();
    List<Team> teams = List.of(orgs.aTeam(), orgs.aTeam(), orgs.aTeam(), orgs.aTeam());
    long start = head(staff);
    int writers = 8;
    int writesEach = 250;
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
    try {
      List<Future<StreamFollower>> readers = new ArrayList<>();
      for (HttpApi server : List.of(api, other)) {
        readers.add(
            threads.submit(
                () -> {
                  StreamFollower follower = new StreamFollower(server, staff.token(), start, 250);
                  while (writing.get()) {
                    follower.readOn();
                  }
                  return follower.readOn();
                }));
      }
      List<Future<List<String>>> written = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        written.add(
            threads.submit(
                () -> {
                  List<String> tasks = new ArrayList<>();
                  for (int i = 0; i < writesEach; i++) {
                    HttpApi server = (writer + i) % 2 == 0 ? api : other;
                    tasks.add(aTask(server, teams.get((writer + i) % teams.size()), "W" + i));
                  }
                  return tasks;
                }));
      }
      List<String> tasks = new ArrayList<>();
      for (Future<List<String>> writer : written) {
        tasks.addAll(writer.get());
      }
      writing.set(false);
      StreamFollower first = readers.get(0).get();
      StreamFollower secondReader = readers.get(1).get();
      StreamFollower afterwards = new StreamFollower(api, staff.token(), start, 1000).readOn();

      assertThat(tasks).hasSize(writers * writesEach).doesNotHaveDuplicates();
      for (StreamFollower follower : List.of(first, secondReader, afterwards)) {
        follower.sawEveryPositionOnceInOrder();
        assertThat(tasks).allMatch(task -> follower.timesSeen(task) == 1);
      }
      assertThat(commonPrefix(first, secondReader)).isGreaterThanOrEqualTo(tasks.size());
      assertThat(commonPrefix(first, afterwards)).isGreaterThanOrEqualTo(tasks.size());
    } finally {
      threads.shutdownNow();
    }
  }

  /** How many of the first events two followers saw are the same events in the same order. */
  private static int commonPrefix(StreamFollower a, StreamFollower b) {
    List<Long> x = a.globalSequences();
    List<Long> y = b.globalSequences();
    int n = Math.min(x.size(), y.size());
    assertThat(x.subList(0, n)).isEqualTo(y.subList(0, n));
    return n;
  }

  private static boolean isTheHeldTask(JsonNode event) {
    return event.at("/data/title").asText().equals("Held");
  }

  private static long globalSequenceOf(StreamFollower follower, String aggregateId) {
    return follower.seen().stream()
        .filter(e -> e.get("aggregate_id").asText().equals(aggregateId))
        .findFirst()
        .orElseThrow()
        .get("global_sequence")
        .asLong();
  }

  private String aTask(HttpApi server, Team team, String title) {
    Response created =
        server.as(team.ada().token()).post(team.org().path("tasks/"), Map.of("title", title));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private long head(TestUser staff) {
    Response head = api.as(staff.token()).get(StreamFollower.EVENTS + "head/");
    assertThat(head.status()).as(head.toString()).isEqualTo(200);
    return head.json().get("position").asLong();
  }

  /** Locks the org's task list version row on {@code psql}; answers that session's pid. */
  private static int lockTaskListVersion(Connection psql, Team team) throws Exception {
    try (PreparedStatement lock =
        psql.prepareStatement(
            "SELECT pg_backend_pid() FROM task_list_versions WHERE org_id = ? FOR UPDATE")) {
      lock.setObject(1, team.org().id().value());
      try (ResultSet row = lock.executeQuery()) {
        assertThat(row.next()).as("the org's version row").isTrue();
        return row.getInt(1);
      }
    }
  }

  /** How many sessions wait for a lock that {@code pid} holds. */
  private int blockedBy(int pid) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
      count.setInt(1, pid);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /**
   * Appends a user's registration the way Axon does (a global index from the sequence, the event
   * row, its audit row) on {@code connection}, without committing; answers the global index.
   */
  static long appendWithoutCommitting(Connection connection) throws Exception {
    long index;
    try (Statement next = connection.createStatement();
        ResultSet row = next.executeQuery("SELECT nextval('domain_event_entry_seq')")) {
      row.next();
      index = row.getLong(1);
    }
    String userId = UUID.randomUUID().toString();
    String payload =
        "{\"userId\":\""
            + userId
            + "\",\"username\":\"held-"
            + index
            + "\",\"staff\":false,\"registeredAt\":\"2026-03-01T12:00:00Z\"}";
    try (PreparedStatement event =
        connection.prepareStatement(
            "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                + " type, event_identifier, payload, payload_type, payload_revision, time_stamp)"
                + " VALUES (?, ?, 0, 'User', ?, ?, ?, '1', '2026-03-01T12:00:00Z')")) {
      event.setLong(1, index);
      event.setString(2, userId);
      event.setString(3, UUID.randomUUID().toString());
      event.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
      event.setString(5, UserRegisteredEvent.class.getName());
      event.executeUpdate();
    }
    try (PreparedStatement audit =
        connection.prepareStatement(
            "INSERT INTO audit_event (global_index, type, occurred_at)"
                + " VALUES (?, 'user.registered', TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00Z')")) {
      audit.setLong(1, index);
      audit.executeUpdate();
    }
    return index;
  }
}
