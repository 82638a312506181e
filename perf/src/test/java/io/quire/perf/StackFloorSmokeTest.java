package io.quire.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.ExtraServers;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.TestDatabase;
import io.quire.perf.floor.StackFloorApplication;
import io.quire.perf.harness.GatlingRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stack floor and its simulation, briefly, as {@link SimulationSmokeTest} runs the others: the
 * floor application started on a random port against this test run's database, with 50 aggregates
 * so that the two users' appends often meet on one. Besides "no request failed", the appends must
 * all be there: every aggregate has exactly one event more than its row's version (three events at
 * version 2 to start with, one event and one version for each append), so none was lost or applied
 * twice when two raced.
 *
 * <p>An {@link IntegrationTest} although it uses none of Quire: the shared context is then loaded
 * (and Spring Boot's logging set up) before its Gatling runs, which stop Logback and start it again
 * ({@link GatlingRun}); the two at once, in parallel test classes, could corrupt Logback's context.
 */
@IntegrationTest
@Execution(ExecutionMode.SAME_THREAD)
class StackFloorSmokeTest {

  private static final int AGGREGATES = 50;

  private static ConfigurableApplicationContext floor;
  private static String baseUrl;

  @BeforeAll
  static void startTheFloor() {
    TestDatabase.Connection database = TestDatabase.get();
    floor =
        ExtraServers.start(
            StackFloorApplication.application(),
            "--server.port=0",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password(),
            "--quire.floor.aggregates=" + AGGREGATES);
    int port = ExtraServers.port(floor);
    baseUrl = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopTheFloor() {
    if (floor != null) {
      floor.close();
    }
  }

  @Test
  void appendsRunWithoutAFailedRequestAndNoneIsLost() {
    var result =
        GatlingRun.run(StackFloor.class, properties("append"), SimulationSmokeTest.RESULTS);

    SimulationSmokeTest.assertRanClean(result, "StackFloor append", List.of(StackFloor.APPEND));
    JdbcTemplate sql = floor.getBean(JdbcTemplate.class);
    Long appended =
        sql.queryForObject("SELECT sum(version - 2) FROM quire_floor.read_model", Long.class);
    assertThat(appended).as("appends recorded in the read model").isPositive();
    assertThat(
            sql.queryForList(
                "SELECT r.aggregate_id FROM quire_floor.read_model r"
                    + " WHERE (SELECT count(*) FROM quire_floor.event e"
                    + " WHERE e.aggregate_id = r.aggregate_id) <> r.version + 1",
                Long.class))
        .as("aggregates whose events and version disagree")
        .isEmpty();
  }

  @Test
  void readsRunWithoutAFailedRequest() {
    var result = GatlingRun.run(StackFloor.class, properties("read"), SimulationSmokeTest.RESULTS);

    SimulationSmokeTest.assertRanClean(result, "StackFloor read", List.of(StackFloor.READ));
  }

  private static Map<String, String> properties(String mode) {
    Map<String, String> properties = SimulationSmokeTest.loadProfile(baseUrl);
    properties.put("quire.floor", mode);
    properties.put("quire.floor.aggregates", String.valueOf(AGGREGATES));
    return properties;
  }
}
