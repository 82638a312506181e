package io.quire.perf.harness;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a {@link BudgetRun} prints and writes: every request (and group) of the reported round
 * with its figures, its ratios to the stack floor (what the budgets judge: "of floor" and "p95 /
 * floor p95", against the floor append for a write, the floor read for anything else) and, as
 * context, to the retired baselines (pgbench, {@code /livez/}).
 */
final class BudgetTable {

  private BudgetTable() {}

  static String of(
      String simulation,
      List<BudgetRound> rounds,
      BudgetRound reported,
      double pgbenchTps,
      GatlingReport.RequestStats livez) {
    GatlingResult result = reported.simulation();
    FloorMeasurement floor = reported.floor();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s (%s), %s; budgets %s. Properties: %s",
            simulation,
            result.reportFolder().getFileName(),
            LocalDateTime.now(ZoneId.systemDefault()).withNano(0),
            result.statusCode() == 0 ? "met" : "BREACHED (status " + result.statusCode() + ")",
            System.getProperties().entrySet().stream()
                .filter(e -> e.getKey().toString().startsWith("quire."))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList()));
    lines.add("");
    lines.add(
        "Stack floor (the budgets' reference, measured right before the simulation, same load): "
            + floorFigures(floor));
    lines.add(
        String.format(
            Locale.ROOT,
            "Context (no longer budgets): pgbench %.0f tps; /livez/ %.0f requests/s, p95 %d ms,"
                + " p99 %d ms",
            pgbenchTps,
            livez.requestsPerSecond(),
            livez.p95Millis(),
            livez.p99Millis()));
    double writes =
        result.report().byName().values().stream()
            .filter(row -> !row.name().contains(" / "))
            .filter(row -> FloorMeasurement.comparesWithAppend(row.name()))
            .mapToDouble(GatlingReport.RequestStats::requestsPerSecond)
            .sum();
    if (writes > 0) {
      // The write budgets judge the writes together (each kind its equal part): say so in one
      // figure.
      lines.add(
          String.format(
              Locale.ROOT,
              "Writes together: %.1f/s, %.1f%% of the floor append",
              writes,
              100 * writes / floor.append().requestsPerSecond()));
    }
    if (rounds.size() > 1) {
      lines.add("");
      lines.add(
          "Rounds (floor, then the simulation); the table is the median round's, by \"of floor\":");
      for (int i = 0; i < rounds.size(); i++) {
        BudgetRound round = rounds.get(i);
        lines.add(
            String.format(
                Locale.ROOT,
                "- round %d%s: all requests %.1f/s, %.1f%% of floor; %s; status %d",
                i + 1,
                round == reported ? " (reported)" : "",
                round.simulation().report().all().requestsPerSecond(),
                100 * round.ofFloor(),
                floorFigures(round.floor()),
                round.simulation().statusCode()));
      }
    }
    lines.add("");
    lines.add(
        "| request | count | failed | requests/s | floor | of floor | p50 | p95 | p99 |"
            + " p95 / floor p95 | of /livez/ | of pgbench |");
    lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
    lines.add(
        row(result.report().all(), reported.allComparesWithAppend(), floor, pgbenchTps, livez));
    for (GatlingReport.RequestStats row : result.report().byName().values()) {
      lines.add(
          row(row, FloorMeasurement.comparesWithAppend(row.name()), floor, pgbenchTps, livez));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String row(
      GatlingReport.RequestStats row,
      boolean append,
      FloorMeasurement floor,
      double pgbenchTps,
      GatlingReport.RequestStats livez) {
    GatlingReport.RequestStats against = append ? floor.append() : floor.read();
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %,d | %.1f | %s | %.1f%% | %d ms | %d ms | %d ms | %.1fx | %.1f%% | %.1f%% |",
        row.name(),
        row.count(),
        row.ko(),
        row.requestsPerSecond(),
        append ? "append" : "read",
        100 * row.requestsPerSecond() / against.requestsPerSecond(),
        row.p50Millis(),
        row.p95Millis(),
        row.p99Millis(),
        // As the budgets: a floor p95 reported as 0 ms counts as 1 ms (Gatling's resolution).
        (double) row.p95Millis() / Math.max(1, against.p95Millis()),
        100 * row.requestsPerSecond() / livez.requestsPerSecond(),
        100 * row.requestsPerSecond() / pgbenchTps);
  }

  private static String floorFigures(FloorMeasurement floor) {
    return String.format(
        Locale.ROOT,
        "append %.0f requests/s, p95 %d ms, p99 %d ms; read %.0f requests/s, p95 %d ms, p99 %d ms",
        floor.append().requestsPerSecond(),
        floor.append().p95Millis(),
        floor.append().p99Millis(),
        floor.read().requestsPerSecond(),
        floor.read().p95Millis(),
        floor.read().p99Millis());
  }
}
