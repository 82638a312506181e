package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.perf.StackFloor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a budget run compares a simulation's requests with the floor, and which round it reports. */
class BudgetRoundTest {

  private static final FloorMeasurement FLOOR =
      new FloorMeasurement(stats(StackFloor.APPEND, 1000, 10), stats(StackFloor.READ, 4000, 2));

  @Test
  void writesCompareWithTheFloorAppendAndEverythingElseWithTheFloorRead() {
    assertThat(FloorMeasurement.comparesWithAppend("create task")).isTrue();
    assertThat(FloorMeasurement.comparesWithAppend("projection lag / update status")).isTrue();
    assertThat(FloorMeasurement.comparesWithAppend("first delivery")).isTrue();
    assertThat(FloorMeasurement.comparesWithAppend("projection lag / read back")).isFalse();
    assertThat(FloorMeasurement.comparesWithAppend("task detail")).isFalse();
  }

  @Test
  void theReportedRoundIsTheMedianByItsShareOfTheFloor() {
    BudgetRound slow = round(100, "create task");
    BudgetRound middle = round(300, "create task");
    BudgetRound fast = round(900, "create task");

    assertThat(BudgetRound.median(List.of(fast, slow, middle))).isSameAs(middle);
    assertThat(BudgetRound.median(List.of(fast, slow))).isSameAs(slow);
    assertThat(middle.ofFloor()).isEqualTo(0.3);
  }

  @Test
  void aSimulationOfReadsAloneIsComparedWithTheFloorRead() {
    assertThat(round(2000, "task detail").ofFloor()).isEqualTo(0.5);
  }

  @Test
  void theTableShowsTheFloorAndEveryRequestsShareOfIt() {
    BudgetRound round = round(500, "create task");

    String table = BudgetTable.of("Writer", List.of(round), round, 5000, stats("livez", 10000, 1));

    assertThat(table)
        .contains("| request | count | failed | requests/s | floor | of floor |")
        .contains("p95 / floor p95 | of /livez/ | of pgbench |")
        .contains(
            "| create task | 500 | 0 | 500.0 | append | 50.0% | 5 ms | 20 ms | 40 ms | 2.0x |")
        .contains("append 1000 requests/s, p95 10 ms")
        .contains("Writes together: 500.0/s, 50.0% of the floor append");
  }

  @Test
  void aFloorP95OfZeroCountsAsOneMillisecond() {
    FloorMeasurement instant =
        new FloorMeasurement(stats(StackFloor.APPEND, 1000, 0), stats(StackFloor.READ, 4000, 0));
    BudgetRound round =
        new BudgetRound(instant, result(stats("task detail", 2000, 20), "task detail"));

    assertThat(BudgetTable.of("OrgUser", List.of(round), round, 5000, stats("livez", 10000, 1)))
        .contains("| 20.0x |");
  }

  private static BudgetRound round(double requestsPerSecond, String request) {
    return new BudgetRound(FLOOR, result(stats(request, requestsPerSecond, 20), request));
  }

  private static GatlingResult result(GatlingReport.RequestStats row, String request) {
    Map<String, GatlingReport.RequestStats> byName = new LinkedHashMap<>();
    byName.put(request, row);
    GatlingReport.RequestStats all =
        new GatlingReport.RequestStats(
            GatlingReport.ALL_REQUESTS,
            row.count(),
            row.ok(),
            row.ko(),
            row.requestsPerSecond(),
            row.p50Millis(),
            row.p95Millis(),
            row.p99Millis(),
            row.maxMillis(),
            row.meanMillis());
    return new GatlingResult(0, Path.of("target", "writer-1"), new GatlingReport(all, byName));
  }

  private static GatlingReport.RequestStats stats(
      String name, double requestsPerSecond, long p95Millis) {
    long count = Math.round(requestsPerSecond);
    return new GatlingReport.RequestStats(
        name, count, count, 0, requestsPerSecond, 5, p95Millis, 2 * p95Millis, 50, 6.0);
  }
}
