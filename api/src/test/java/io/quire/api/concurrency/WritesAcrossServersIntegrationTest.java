package io.quire.api.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.SecondServer;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two servers on one database, as behind a load balancer, and writes to one aggregate sent to both
 * at the same moment. Within a server Axon lets commands on one aggregate take turns; across
 * servers both load the same version and the second to append loses the race on the event store's
 * unique key. The loser is sent again (CommandRetries) and then sees the winner's events: without
 * {@code If-Match} every write is applied, with a stale one it is a 412, never a 500. Before,
 * Axon's retry scheduler took the duplicate-key error under the race for a permanent failure and
 * answered 500.
 */
@IntegrationTest
class WritesAcrossServersIntegrationTest {

  private static final int ROUNDS = 5;
  @RegisterExtension static final SecondServer second = new SecondServer();

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired Users users;

  private HttpApi other;

  @BeforeEach
  void aSecondServer() {
    other = second.api();
  }

  @Test
  void editsOfOneTaskOnTwoServersAtOnceAreAllApplied() throws Exception {
    Team team = orgs.aTeam();
    String task = team.org().path("tasks/" + orgs.aTask(team.org(), team.ada(), null, "T") + "/");
    for (int round = 0; round < ROUNDS; round++) {
      int r = round;
      List<Response> answers =
          atOnce(
              4,
              i ->
                  server(i).as(team.ada().token()).patch(task, Map.of("description", r + "-" + i)));

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
    }
    Response history = api.as(team.ada().token()).get(task + "history/?page_size=100");
    assertThat(history.json().get("count").asInt()).isEqualTo(1 + 4 * ROUNDS);
  }

  @Test
  void aStaleIfMatchOnEitherServerIsAPreconditionFailureNeverA500() throws Exception {
    Team team = orgs.aTeam();
    String task = team.org().path("tasks/" + orgs.aTask(team.org(), team.ada(), null, "T") + "/");
    for (int round = 0; round < ROUNDS; round++) {
      var ada = api.as(team.ada().token());
      String etag = ada.get(task).header("ETag");
      int r = round;
      List<Response> answers =
          atOnce(
              4,
              i ->
                  server(i)
                      .request("PATCH", task)
                      .token(team.ada().token())
                      .header("If-Match", etag)
                      .json(Map.of("title", "r" + r + " " + i))
                      .send());

      assertThat(answers.stream().map(Response::status).sorted().toList())
          .as(answers.toString())
          .containsExactly(200, 412, 412, 412);
    }
  }

  @Test
  void membersAddedOnTwoServersAtOnceAreAllAdded() throws Exception {
    Team team = orgs.aTeam();
    for (int round = 0; round < ROUNDS; round++) {
      List<TestUser> newcomers = List.of(users.aRegisteredUser("n"), users.aRegisteredUser("n"));
      List<Response> answers =
          atOnce(
              2,
              i ->
                  server(i)
                      .as(team.ada().token())
                      .post(
                          team.org().path("members/"),
                          Map.of("username", newcomers.get(i).username(), "role", "member")));

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    }
    Response org = api.as(team.ada().token()).get(team.org().path(""));
    assertThat(org.json().get("member_count").asInt()).isEqualTo(4 + 2 * ROUNDS);
  }

  private HttpApi server(int i) {
    return i % 2 == 0 ? api : other;
  }

  /** {@code n} requests released together, half to each server; their answers in order. */
  private static List<Response> atOnce(int n, IntFunction<Response> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService clients = Executors.newFixedThreadPool(n);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int client = i;
        Callable<Response> call =
            () -> {
              start.await(30, TimeUnit.SECONDS);
              return request.apply(client);
            };
        futures.add(clients.submit(call));
      }
      List<Response> answers = new ArrayList<>();
      for (Future<Response> f : futures) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      clients.shutdownNow();
    }
  }
}
