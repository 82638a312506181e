package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Locale;

/**
 * Signed-in org members reading their org's tasks: list pages with filters and orderings, and task
 * details. {@code -Dquire.reads=} chooses what one visit does:
 *
 * <ul>
 *   <li>{@code mix} (default): a list page, then the detail of one listed task;
 *   <li>{@code list}: a list page alone; budget: >= 60% of the stack floor read's requests/s;
 *   <li>{@code detail}: a detail alone (ids known before the run); budget: >= 80%.
 * </ul>
 *
 * <p>Every mode: p95 of each request at most twice the floor read's ({@link Budgets}). Run it with
 * 16 to 64 users ({@code -Dquire.users}); needs the task dataset ({@code TaskSeeder}).
 */
public class OrgUser extends Simulation {

  enum Reads {
    MIX,
    LIST,
    DETAIL
  }

  public OrgUser() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Reads reads = Reads.valueOf(System.getProperty("quire.reads", "mix").toUpperCase(Locale.ROOT));
    Budgets budgets = new Budgets(Baselines.fromSystemProperties(Baselines.Needs.READ));
    ChainBuilder visit =
        switch (reads) {
          case MIX -> {
            budgets.latencyOfFloorRead(TaskReads.LIST, 2).latencyOfFloorRead(TaskReads.DETAIL, 2);
            yield exec(TaskReads.listPage()).exec(TaskReads.detailOfListed());
          }
          case LIST -> {
            budgets
                .throughputOfFloorRead(TaskReads.LIST, 0.60)
                .latencyOfFloorRead(TaskReads.LIST, 2);
            yield TaskReads.listPage();
          }
          case DETAIL -> {
            budgets
                .throughputOfFloorRead(TaskReads.DETAIL, 0.80)
                .latencyOfFloorRead(TaskReads.DETAIL, 2);
            yield TaskReads.detailOfKnown();
          }
        };
    System.out.printf("OrgUser, reads=%s: %s; %s%n", reads, profile, budgets);
    setUp(
            scenario("OrgUser " + reads)
                .feed(listFeeder(SeededMembers.signIn(profile.baseUrl())).circular())
                .exec(visit)
                .injectClosed(profile.injection()))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
