package io.quire.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.Simulation;
import io.quire.api.testing.IntegrationTest;
import io.quire.perf.harness.GatlingReport;
import io.quire.perf.harness.GatlingReport.RequestStats;
import io.quire.perf.harness.GatlingResult;
import io.quire.perf.harness.GatlingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every simulation, briefly: a few seconds with a handful of users against the whole application
 * (this test run's database, {@link SmokeDataset} loaded through the API), in smoke mode ({@link
 * Budgets}: no request may fail, timings are not judged). It fails on a simulation that crashes, a
 * check that no longer holds, an endpoint that moved, or a request that is no longer made, so the
 * load tests cannot rot between the runs that measure. Runs one simulation at a time (system
 * properties are global); reports land in {@code target/gatling-smoke/}.
 */
@IntegrationTest
@Execution(ExecutionMode.SAME_THREAD)
public class SimulationSmokeTest {

  public static final Path RESULTS = Path.of("target", "gatling-smoke");

  /**
   * One smoke run per constant: the simulation, its own system properties, and the names of the
   * requests its report must show, every one of them and no other. A new simulation is one more
   * constant.
   */
  enum Smoke {
    BASELINE(Baseline.class, Map.of(), "livez"),
    PUBLIC_READER_MIX(
        PublicReader.class, Map.of("quire.reads", "mix"), "list", "search", "tag", "detail"),
    PUBLIC_READER_LIST(PublicReader.class, Map.of("quire.reads", "list"), "list"),
    PUBLIC_READER_SEARCH(PublicReader.class, Map.of("quire.reads", "search"), "search"),
    PUBLIC_READER_TAG(PublicReader.class, Map.of("quire.reads", "tag"), "tag"),
    PUBLIC_READER_DETAIL(PublicReader.class, Map.of("quire.reads", "detail"), "detail"),
    ORG_USER_MIX(OrgUser.class, tasks("quire.reads", "mix"), TaskReads.LIST, TaskReads.DETAIL),
    ORG_USER_LIST(OrgUser.class, tasks("quire.reads", "list"), TaskReads.LIST),
    ORG_USER_DETAIL(OrgUser.class, tasks("quire.reads", "detail"), TaskReads.DETAIL),
    WRITER_CLOSED(Writer.class, tasks("quire.writes", "closed"), writes()),
    WRITER_OPEN(Writer.class, tasks("quire.writes", "open"), writes()),
    MIXED(Mixed.class, tasks("quire.reads", "mix"), mixed()),
    WEBHOOK_BURST(
        WebhookBurst.class,
        Map.of(),
        WebhookDeliveries.FIRST,
        WebhookDeliveries.DUPLICATE,
        WebhookBurst.EFFECTS);

    private static Map<String, String> tasks(String key, String value) {
      Map<String, String> properties = new LinkedHashMap<>(SmokeDataset.TASK_DATASET);
      properties.put(key, value);
      return properties;
    }

    private static String[] writes() {
      return new String[] {
        TaskWrites.CREATE,
        TaskWrites.STATUS,
        TaskWrites.REASSIGN,
        TaskWrites.LAG,
        TaskWrites.LAG + " / " + TaskWrites.READ_BACK
      };
    }

    private static String[] mixed() {
      List<String> names = new java.util.ArrayList<>(List.of(writes()));
      names.addAll(List.of(TaskReads.LIST, TaskReads.DETAIL));
      return names.toArray(String[]::new);
    }

    final Class<? extends Simulation> simulation;
    final Map<String, String> properties;
    final List<String> requests;

    Smoke(
        Class<? extends Simulation> simulation,
        Map<String, String> properties,
        String... requests) {
      this.simulation = simulation;
      this.properties = properties;
      this.requests = List.of(requests);
    }
  }

  /** Small and short: a smoke run proves the simulation works, it measures nothing. */
  public static Map<String, String> loadProfile(String baseUrl) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quire.baseUrl", baseUrl);
    properties.put("quire.users", "2");
    properties.put("quire.ramp", "0");
    properties.put("quire.duration", "2");
    properties.put(Budgets.SMOKE_PROPERTY, "true");
    return properties;
  }

  @LocalServerPort int port;

  private String baseUrl;

  @BeforeEach
  void loadTheDataset() {
    baseUrl = "http://127.0.0.1:" + port;
    SmokeDataset.loadInto(baseUrl);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Smoke.class)
  void runsWithoutAFailedRequest(Smoke smoke) {
    Map<String, String> properties = loadProfile(baseUrl);
    properties.putAll(smoke.properties);

    GatlingResult result = GatlingRun.run(smoke.simulation, properties, RESULTS);

    assertRanClean(result, smoke.toString(), smoke.requests);
  }

  /**
   * The smoke run's verdict: it made requests, every one of {@code requests} and no other, none
   * failed, and Gatling's status is success.
   */
  static void assertRanClean(GatlingResult result, String label, List<String> requests) {
    GatlingReport report = result.report();
    String where = label + ", report " + result.indexHtml().toUri();
    assertThat(report.all().count()).as("requests made, %s", where).isPositive();
    assertThat(report.all().ko()).as("failed requests, %s", where).isZero();
    assertThat(report.byName().keySet())
        .as("the requests of %s", where)
        .containsExactlyInAnyOrderElementsOf(requests);
    for (RequestStats request : report.byName().values()) {
      assertThat(request.count()).as("%s requests, %s", request.name(), where).isPositive();
      assertThat(request.ko()).as("failed %s requests, %s", request.name(), where).isZero();
    }
    assertThat(result.statusCode())
        .as(
            "Gatling's status (%d: an assertion failed), %s",
            GatlingResult.ASSERTIONS_FAILED, where)
        .isEqualTo(GatlingResult.SUCCESS);
  }
}
