package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The stack floor ({@code io.quire.perf.floor}, a separate minimal Spring MVC and JDBC application)
 * under the same {@link LoadProfile} as the other simulations: {@code -Dquire.floor=append}
 * (default) posts pgbench's transaction, {@code read} reads one row by primary key, each on a
 * random one of {@code -Dquire.floor.aggregates} (default 100,000, as the floor starts with). It is
 * what every budget is a ratio to: {@code BudgetRun} starts the floor and runs this simulation in
 * both modes, right before the simulation it judges, under the same load profile ({@link
 * Baselines}). A reference, not a budget: only "no request failed" is asserted.
 */
public class StackFloor extends Simulation {

  public static final String APPEND = "floor append";
  public static final String READ = "floor read";

  private static final Set<String> WRITES =
      Set.of(
          TaskWrites.CREATE,
          TaskWrites.STATUS,
          TaskWrites.REASSIGN,
          WebhookDeliveries.FIRST,
          WebhookDeliveries.DUPLICATE,
          APPEND);

  /**
   * Which floor request a simulation's request compares with ({@link #APPEND} for a write, {@link
   * #READ} for anything else), for the harness's tables: the budgets themselves name theirs.
   */
  public static String floorOf(String request) {
    return WRITES.contains(request) ? APPEND : READ;
  }

  public StackFloor() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    String mode = System.getProperty("quire.floor", "append").toLowerCase(Locale.ROOT);
    int aggregates = Integer.getInteger("quire.floor.aggregates", 100_000);
    Budgets budgets = new Budgets(Baselines.NONE);
    System.out.printf(
        "StackFloor, %s on %,d aggregates: %s; budgets: %s%n", mode, aggregates, profile, budgets);
    setUp(
            scenario("StackFloor " + mode)
                .exec(
                    session ->
                        session.set("id", 1 + ThreadLocalRandom.current().nextInt(aggregates)))
                .exec(visit(mode))
                .injectClosed(profile.injection()))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }

  private static ChainBuilder visit(String mode) {
    return switch (mode) {
      case "append" ->
          exec(
              http(APPEND)
                  .post("/floor/appends/#{id}/")
                  .body(StringBody("{\"status\": \"in_progress\"}"))
                  .asJson()
                  .check(status().is(201), jmesPath("version").exists()));
      case "read" ->
          exec(
              http(READ)
                  .get("/floor/rows/#{id}/")
                  .check(status().is(200), jmesPath("aggregate_id").exists()));
      default ->
          throw new IllegalArgumentException("quire.floor must be append or read, not " + mode);
    };
  }
}
