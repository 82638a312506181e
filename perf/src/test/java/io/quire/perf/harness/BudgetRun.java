package io.quire.perf.harness;

import io.gatling.javaapi.core.Simulation;
import io.quire.perf.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One budget run: a simulation measured against the stack floor ({@code io.quire.perf.floor}),
 * measured in the same run, on the same machine, right before it. In order:
 *
 * <ol>
 *   <li>context, no longer a budget: {@link PgbenchBaseline} (pgbench's transactions/s for one
 *       event append at 16 clients), before the floor starts and holds connections of its own;
 *   <li>the floor started in a JVM of its own ({@link StackFloorProcess}, port {@code
 *       --floor-port}, its own schema in the server's database);
 *   <li>a warm-up: the simulation itself, then the floor append and the floor read, for {@code
 *       --warmup} seconds each as smoke runs (their results are not kept), so that both servers'
 *       JITs have compiled the paths under test;
 *   <li>context, no longer a budget: {@link Baseline} ({@code GET /livez/} under the simulation's
 *       own load profile);
 *   <li>{@code --rounds} rounds (default 1), each the floor append and the floor read ({@link
 *       FloorMeasurement}, under the simulation's load profile), then at once the simulation, with
 *       that round's floor passed on as system properties: its assertions (the budgets) are ratios
 *       to it;
 *   <li>a table of every request's figures and ratios ({@link BudgetTable}) for the median round,
 *       printed and written to {@code target/budget-runs/}; the floor is stopped.
 * </ol>
 *
 * <pre>
 * perf/run BudgetRun OrgUser --base-url http://127.0.0.1:18081 -- -Dquire.reads=detail
 * </pre>
 *
 * Load settings ({@code -Dquire.users}, {@code -Dquire.duration}, ...) are system properties, as
 * for {@code gatling:test}; the floor is measured with the same ones. The exit status is the
 * reported (median) round's simulation's: non-zero when a budget is breached.
 */
public final class BudgetRun {

  private static final String USAGE =
      """
      usage: BudgetRun SIMULATION [--base-url URL] [--warmup SECONDS] [--pgbench SECONDS]
                       [--rounds N] [--floor-port PORT]
                       [--pg-host HOST] [--pg-port PORT] [--pg-user USER] [--pg-database NAME]
        SIMULATION     OrgUser, Writer, Mixed, PublicReader, WebhookBurst (or a class name)
        --base-url     the server under test (default http://127.0.0.1:8080)
        --warmup       seconds of warm-up of the simulation and of each floor request (default 30)
        --pgbench      seconds of pgbench, context only (default 30)
        --rounds       rounds of floor then simulation; the median is reported (default 1)
        --floor-port   the stack floor's port (default 18090)
        --pg-*         the server's PostgreSQL (default 127.0.0.1, 5432, postgres, quire_perf);
                       the floor and pgbench make schemas of their own in it
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
    String pgHost = options.getOrDefault("pg-host", "127.0.0.1");
    int pgPort = Integer.parseInt(options.getOrDefault("pg-port", "5432"));
    String pgUser = options.getOrDefault("pg-user", "postgres");
    String pgDatabase = options.getOrDefault("pg-database", "quire_perf");
    int floorPort = Integer.parseInt(options.getOrDefault("floor-port", "18090"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1: " + rounds);
    }

    // pgbench first, before the floor holds its 20 connections: with the server's 20 and pgbench's
    // 16, a PostgreSQL of 100 connections shared with other builds can refuse pgbench's last ones.
    PgbenchBaseline pgbench = new PgbenchBaseline(pgHost, pgPort, pgUser, pgDatabase);
    System.out.println("== context: pgbench, one event append per transaction, 16 clients");
    double tps =
        pgbench.measure(Duration.ofSeconds(Long.parseLong(options.getOrDefault("pgbench", "30"))));
    pgbench.dropTables();

    System.out.printf("== the stack floor: starting it on port %d%n", floorPort);
    try (StackFloorProcess floor =
        StackFloorProcess.start(floorPort, pgHost, pgPort, pgUser, pgDatabase)) {
      int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
      if (warmup > 0) {
        System.out.printf(
            "== warm-up: %s, then the floor's append and read, %d s each (smoke runs, not kept)%n",
            name(simulation), warmup);
        Map<String, String> warm = new HashMap<>(load);
        warm.putAll(
            Map.of("quire.smoke", "true", "quire.ramp", "0", "quire.duration", "" + warmup));
        GatlingRun.run(simulation, warm, results);
        FloorMeasurement.warmUp(floor.baseUrl(), load, warmup, results);
      }

      System.out.println("== context: GET /livez/ under the same load profile");
      GatlingReport.RequestStats livez =
          GatlingRun.run(Baseline.class, load, results).report().all();

      List<BudgetRound> done = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        System.out.printf("== round %d of %d%n", round, rounds);
        FloorMeasurement measured = FloorMeasurement.measure(floor.baseUrl(), load, results);
        System.out.printf("== %s%n", name(simulation));
        Map<String, String> judged = new HashMap<>(load);
        judged.putAll(measured.systemProperties());
        done.add(new BudgetRound(measured, GatlingRun.run(simulation, judged, results)));
      }

      BudgetRound reported = BudgetRound.median(done);
      String table = BudgetTable.of(name(simulation), done, reported, tps, livez);
      System.out.println(table);
      Path file = RunReports.write(name(simulation), table);
      System.out.println("Written to " + file.toAbsolutePath());
      return reported.simulation().statusCode();
    }
  }

  private static String name(Class<?> simulation) {
    return simulation.getSimpleName();
  }
}
