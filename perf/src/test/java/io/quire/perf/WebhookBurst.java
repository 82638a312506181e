package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.quire.perf.seed.WebhookSenders;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * Signed webhook deliveries from {@value #SENDERS} integrations of one new org ({@link
 * WebhookDeliveries}: new events, {@value WebhookDeliveries#DUPLICATE_PERCENT}% re-deliveries, some
 * concurrent triples), by {@code quire.users} (16) users as fast as they can. Then one more
 * request, {@value #EFFECTS}, counts the org's tasks: exactly one per accepted creation.
 *
 * <p>Budgets: first deliveries/s at least 50% of the stack floor append's requests/s; no double
 * effect (a second 202 for an event id fails its request) and the effects check exact (none of
 * these requests may fail); failed requests below 0.1%.
 */
public class WebhookBurst extends Simulation {

  static final int SENDERS = 4;
  static final String EFFECTS = "effects check";
  static final double FIRSTS_SHARE_OF_FLOOR = 0.50;

  public WebhookBurst() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Baselines baselines = Baselines.fromSystemProperties(Baselines.Needs.APPEND);
    Budgets budgets =
        new Budgets(baselines)
            .writesOfFloorAppend(WebhookDeliveries.FIRST, FIRSTS_SHARE_OF_FLOOR, 1)
            .noneFailed(WebhookDeliveries.FIRST)
            .noneFailed(WebhookDeliveries.DUPLICATE)
            .noneFailed(EFFECTS);
    // The load generator's own clock: a sender stamps its deliveries with it.
    Clock clock = Clock.systemUTC();
    String run = Long.toString(clock.millis(), 36);
    WebhookSenders.Prepared prepared =
        WebhookSenders.prepare(URI.create(profile.baseUrl()), run, SENDERS, clock);
    WebhookDeliveries deliveries =
        new WebhookDeliveries(
            prepared.senders(),
            clock,
            prepared.serverClockAhead(),
            run,
            Long.getLong("quire.dataset.seed", 20261122L));

    ScenarioBuilder senders =
        scenario("WebhookBurst")
            .feed(deliveries)
            .exec(
                http("#{kind}")
                    .post("/api/v1/webhooks/#{integrationId}/")
                    .header("X-Webhook-Timestamp", "#{timestamp}")
                    .header("X-Webhook-Signature", "#{signature}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("#{body}"))
                    .check(
                        status().in(200, 202),
                        jmesPath("receipt_id").exists(),
                        status()
                            .transformWithSession(
                                (code, session) ->
                                    deliveries.record(
                                        session.getString("eventId"),
                                        session.getBoolean("creation"),
                                        code))
                            .is("ok")));
    ScenarioBuilder effects =
        scenario("Effects")
            .exec(
                http(EFFECTS)
                    .get("/api/v1/orgs/" + prepared.slug() + "/tasks/?page_size=1")
                    .header("Authorization", "Token " + prepared.adminToken())
                    .check(
                        status().is(200),
                        jmesPath("count")
                            .ofInt()
                            .transformWithSession(
                                (count, session) -> count - deliveries.tasksCreated())
                            .is(0)));
    System.out.printf(
        Locale.ROOT, "WebhookBurst: %s, org %s; %s%n", profile, prepared.slug(), budgets);
    setUp(senders.injectClosed(profile.injection()).andThen(effects.injectOpen(atOnceUsers(1))))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
