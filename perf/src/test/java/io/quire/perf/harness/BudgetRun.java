package io.quire.perf.harness;

import io.gatling.javaapi.core.Simulation;
import io.quire.perf.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One budget run: a simulation measured against baselines taken in the same run, on the same
 * machine, minutes apart. In order:
 *
 * <ol>
 *   <li>a warm-up: the simulation itself for {@code --warmup} seconds as a smoke run (its results
 *       are not kept), so that the server's JIT has compiled the paths under test;
 *   <li>{@link PgbenchBaseline}: pgbench's transactions/s for one event append at 16 clients;
 *   <li>{@link Baseline}: {@code GET /livez/} under the simulation's own load profile;
 *   <li>the simulation, with both baselines passed on as system properties: its assertions (the
 *       budgets) are ratios to them;
 *   <li>a table of every request's figures and ratios, printed and written to {@code
 *       target/budget-runs/}.
 * </ol>
 *
 * <pre>
 * ./mvnw -o -q -pl perf test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.quire.perf.harness.BudgetRun \
 *     -Dexec.args="OrgUser --base-url http://127.0.0.1:18081" -Dquire.reads=detail
 * </pre>
 *
 * Load settings ({@code -Dquire.users}, {@code -Dquire.duration}, ...) are system properties, as
 * for {@code gatling:test}. The exit status is the simulation's: non-zero when a budget is
 * breached.
 */
public final class BudgetRun {

  private static final String USAGE =
      """
      usage: BudgetRun SIMULATION [--base-url URL] [--warmup SECONDS] [--pgbench SECONDS]
                       [--pg-host HOST] [--pg-port PORT] [--pg-user USER] [--pg-database NAME]
        SIMULATION     OrgUser, Writer, Mixed, PublicReader (or a class name)
        --base-url     the server under test (default http://127.0.0.1:8080)
        --warmup       seconds of warm-up before measuring (default 30; 0 for none)
        --pgbench      seconds of pgbench (default 30)
        --pg-*         the server's PostgreSQL (default 127.0.0.1, 5432, postgres, quire_perf)
      Load settings are system properties: -Dquire.users, -Dquire.ramp, -Dquire.duration, ...""";

  private BudgetRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.println(USAGE);
      return;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length || !args[i].startsWith("--")) {
        throw new IllegalArgumentException("bad option " + args[i] + "\n" + USAGE);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    System.exit(run(RunReports.simulation(args[0]), options));
  }

  static int run(Class<? extends Simulation> simulation, Map<String, String> options)
      throws IOException {
    String baseUrl = options.getOrDefault("base-url", "http://127.0.0.1:8080");
    Path results = Path.of("target", "gatling");
    Map<String, String> load = new HashMap<>(Map.of("quire.baseUrl", baseUrl));

    int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
    if (warmup > 0) {
      System.out.printf(
          "== warm-up: %s for %d s (a smoke run, not kept)%n", name(simulation), warmup);
      Map<String, String> warm = new HashMap<>(load);
      warm.putAll(Map.of("quire.smoke", "true", "quire.ramp", "0", "quire.duration", "" + warmup));
      GatlingRun.run(simulation, warm, results);
    }

    PgbenchBaseline pgbench =
        new PgbenchBaseline(
            options.getOrDefault("pg-host", "127.0.0.1"),
            Integer.parseInt(options.getOrDefault("pg-port", "5432")),
            options.getOrDefault("pg-user", "postgres"),
            options.getOrDefault("pg-database", "quire_perf"));
    System.out.println("== baseline 1: pgbench, one event append per transaction, 16 clients");
    double tps =
        pgbench.measure(Duration.ofSeconds(Long.parseLong(options.getOrDefault("pgbench", "30"))));
    pgbench.dropTables();

    System.out.println("== baseline 2: GET /livez/ under the same load profile");
    GatlingResult trivial = GatlingRun.run(Baseline.class, load, results);
    GatlingReport.RequestStats livez = trivial.report().all();

    System.out.printf("== %s%n", name(simulation));
    Map<String, String> measured = new HashMap<>(load);
    measured.put("quire.baseline.trivialRps", String.valueOf(livez.requestsPerSecond()));
    measured.put("quire.baseline.trivialP95Ms", String.valueOf(livez.p95Millis()));
    measured.put("quire.baseline.pgbenchTps", String.valueOf(tps));
    GatlingResult result = GatlingRun.run(simulation, measured, results);

    String table = table(simulation, tps, livez, result);
    System.out.println(table);
    Path file = RunReports.write(name(simulation), table);
    System.out.println("Written to " + file.toAbsolutePath());
    return result.statusCode();
  }

  /** Every request (and group) of the run with its figures and its ratios to the baselines. */
  static String table(
      Class<? extends Simulation> simulation,
      double tps,
      GatlingReport.RequestStats livez,
      GatlingResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s (%s), %s; budgets %s. Properties: %s",
            name(simulation),
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
        String.format(
            Locale.ROOT,
            "Baselines: pgbench %.0f tps; /livez/ %.0f requests/s, p95 %d ms, p99 %d ms",
            tps,
            livez.requestsPerSecond(),
            livez.p95Millis(),
            livez.p99Millis()));
    lines.add("");
    lines.add(
        "| request | count | failed | requests/s | of /livez/ | of pgbench | p50 | p95 | p99 | p95 / /livez/ p95 |");
    lines.add("|---|---|---|---|---|---|---|---|---|---|");
    List<GatlingReport.RequestStats> rows = new ArrayList<>();
    rows.add(result.report().all());
    rows.addAll(result.report().byName().values());
    for (GatlingReport.RequestStats row : rows) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.1f | %.1f%% | %.1f%% | %d ms | %d ms | %d ms | %.1fx |",
              row.name(),
              row.count(),
              row.ko(),
              row.requestsPerSecond(),
              100 * row.requestsPerSecond() / livez.requestsPerSecond(),
              100 * row.requestsPerSecond() / tps,
              row.p50Millis(),
              row.p95Millis(),
              row.p99Millis(),
              livez.p95Millis() == 0 ? 0.0 : (double) row.p95Millis() / livez.p95Millis()));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String name(Class<?> simulation) {
    return simulation.getSimpleName();
  }
}
