package io.quire.perf;

import io.quire.command.webhooks.WebhookSignature;
import io.quire.perf.seed.WebhookSenders.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deliveries of {@link WebhookBurst}, made up as a sender's stream would be: mostly new events
 * ({@code task.created} for a new external id, or {@code task.status_changed} of an external id
 * created well before), {@value #DUPLICATE_PERCENT}% re-deliveries of a recent event (re-signed, as
 * a sender's retry is), and some events sent three times in a row, which the virtual users then
 * deliver at the same moment. Seeded, so two runs send the same stream.
 *
 * <p>Also the ledger of what the server answered: every event id accepted (202) more than once is a
 * double effect, which fails its request.
 */
final class WebhookDeliveries implements Iterator<Map<String, Object>> {

  static final String FIRST = "first delivery";
  static final String DUPLICATE = "duplicate delivery";
  static final int DUPLICATE_PERCENT = 10;
  static final int CONCURRENT_TRIPLES_PERCENT = 2;
  static final int STATUS_CHANGE_PERCENT = 20;

  /** A status change names an external id created at least this many deliveries before. */
  static final int CREATED_LONG_AGO = 200;

  private static final String[] STATUSES = {"todo", "in_progress", "done"};

  private final List<Sender> senders;
  private final Clock clock;
  private final Duration serverClockAhead;
  private final String run;
  private final Random random;
  private final Deque<Map<String, Object>> pending = new ArrayDeque<>();
  private final List<Map<String, Object>> recent = new ArrayList<>();
  private final List<String[]> created = new ArrayList<>();
  private long events;

  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Set<String> acceptedCreations = ConcurrentHashMap.newKeySet();
  private final AtomicInteger doubleEffects = new AtomicInteger();

  WebhookDeliveries(
      List<Sender> senders, Clock clock, Duration serverClockAhead, String run, long seed) {
    this.senders = senders;
    this.clock = clock;
    this.serverClockAhead = serverClockAhead;
    this.run = run;
    this.random = new Random(seed);
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public synchronized Map<String, Object> next() {
    if (pending.isEmpty()) {
      plan();
    }
    return signedNow(pending.removeFirst());
  }

  /** What the server answered to a delivery: "ok", or "double effect" for a second 202. */
  String record(String eventId, boolean creation, int status) {
    if (status != 202) {
      return "ok";
    }
    if (!accepted.add(eventId)) {
      doubleEffects.incrementAndGet();
      return "double effect";
    }
    if (creation) {
      acceptedCreations.add(eventId);
    }
    return "ok";
  }

  /** Tasks the accepted creations made: one each. */
  int tasksCreated() {
    return acceptedCreations.size();
  }

  int doubleEffects() {
    return doubleEffects.get();
  }

  private void plan() {
    int dice = random.nextInt(100);
    if (dice < DUPLICATE_PERCENT && !recent.isEmpty()) {
      Map<String, Object> again = new HashMap<>(recent.get(random.nextInt(recent.size())));
      again.put("kind", DUPLICATE);
      pending.add(again);
      return;
    }
    Map<String, Object> event = newEvent();
    pending.add(event);
    if (dice < DUPLICATE_PERCENT + CONCURRENT_TRIPLES_PERCENT) {
      for (int copy = 0; copy < 2; copy++) {
        Map<String, Object> again = new HashMap<>(event);
        again.put("kind", DUPLICATE);
        pending.add(again);
      }
    }
    recent.add(event);
    if (recent.size() > 32) {
      recent.remove(0);
    }
  }

  private Map<String, Object> newEvent() {
    long n = ++events;
    Sender sender = senders.get(random.nextInt(senders.size()));
    String eventId = "evt-" + run + "-" + n;
    String body;
    boolean creation;
    if (random.nextInt(100) < STATUS_CHANGE_PERCENT && created.size() > CREATED_LONG_AGO) {
      String[] target = created.get(random.nextInt(created.size() - CREATED_LONG_AGO));
      sender = senders.get(Integer.parseInt(target[0]));
      body =
          String.format(
              "{\"id\": \"%s\", \"type\": \"task.status_changed\", \"occurred_at\":"
                  + " \"2026-03-01T12:00:00Z\", \"data\": {\"external_id\": \"%s\", \"status\":"
                  + " \"%s\"}}",
              eventId, target[1], STATUSES[random.nextInt(STATUSES.length)]);
      creation = false;
    } else {
      String externalId = "ext-" + run + "-" + n;
      created.add(new String[] {Integer.toString(senders.indexOf(sender)), externalId});
      body =
          String.format(
              "{\"id\": \"%s\", \"type\": \"task.created\", \"occurred_at\":"
                  + " \"2026-03-01T12:00:00Z\", \"data\": {\"external_id\": \"%s\", \"title\":"
                  + " \"Burst task %d\"}}",
              eventId, externalId, n);
      creation = true;
    }
    Map<String, Object> event = new HashMap<>();
    event.put("kind", FIRST);
    event.put("eventId", eventId);
    event.put("creation", creation);
    event.put("integrationId", sender.integrationId());
    event.put("secret", sender.secret());
    event.put("body", body);
    return event;
  }

  /**
   * The delivery stamped (by the server's clock) and signed now, as a sender signs each attempt.
   */
  private Map<String, Object> signedNow(Map<String, Object> delivery) {
    Map<String, Object> signed = new HashMap<>(delivery);
    String timestamp = Long.toString(clock.instant().plus(serverClockAhead).getEpochSecond());
    byte[] body = ((String) delivery.get("body")).getBytes(StandardCharsets.UTF_8);
    signed.put("timestamp", timestamp);
    signed.put(
        "signature", WebhookSignature.sign((String) delivery.get("secret"), timestamp, body));
    return signed;
  }
}
