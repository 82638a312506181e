package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * Org members reading and writing at once: 80% of the requests are reads, 20% writes. A read visit
 * is a task list page and a listed task's detail (2 reads, {@link TaskReads}); a write visit is
 * {@link TaskWrites}' create, update status and reassign, each read back (3 writes, 3 reads). With
 * {@value #WRITE_VISITS_PERCENT}% write visits, writes are 3p / (6p + 2(1 - p)) = 20% of the
 * requests.
 *
 * <p>Budgets: projection lag p95 at most 50 ms; failed requests below 0.1%. Also the load of the
 * memory soak (docs/performance.md): 10 minutes with a 512 MiB heap.
 */
public class Mixed extends Simulation {

  static final double WRITE_VISITS_PERCENT = 18.18;

  public Mixed() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Budgets budgets = new Budgets(Baselines.NONE).latencyAtMost(50, TaskWrites.LAG);
    System.out.printf("Mixed: %s; %s%n", profile, budgets);
    setUp(
            scenario("Mixed")
                .feed(listFeeder(SeededMembers.signIn(profile.baseUrl())).circular())
                .exec(
                    randomSwitch()
                        .on(
                            percent(WRITE_VISITS_PERCENT).then(TaskWrites.createUpdateReassign()),
                            percent(100 - WRITE_VISITS_PERCENT)
                                .then(exec(TaskReads.listPage()).exec(TaskReads.detailOfListed()))))
                .injectClosed(profile.injection()))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
