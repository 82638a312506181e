package io.quire.query.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The event stream's meters, on the application's registry (Prometheus: {@code
 * /actuator/prometheus}):
 *
 * <ul>
 *   <li>{@code quire.stream.stamped} (counter, events): events given their commit position and
 *       seals by this server;
 *   <li>{@code quire.stream.stampings} (timer; {@code trigger}: {@code background} or {@code read},
 *       {@code outcome}: {@code stamped}, {@code busy} when another stamper held the lock and this
 *       one gave up, {@code failed}): each stamping transaction and how long it took;
 *   <li>{@code quire.stream.head.position} (gauge): the newest commit position this server has
 *       stamped or read;
 *   <li>{@code quire.stream.reads} (counter; {@code kind}: {@code org_page}, {@code stream_page},
 *       {@code head}) and {@code quire.stream.read.events} (counter, events; {@code kind}): reads
 *       of the stream and the events they answered;
 *   <li>{@code quire.stream.verifications} (timer; {@code scope}: {@code history} or {@code
 *       aggregate}, {@code result}: {@code intact} or {@code broken}): seal checks.
 * </ul>
 */
@Component
public class StreamMetrics {

  private final MeterRegistry registry;
  private final AtomicLong headPosition = new AtomicLong();
  private final Counter stamped;

  @Autowired
  StreamMetrics(ObjectProvider<MeterRegistry> registry) {
    this(registry.getIfAvailable(CompositeMeterRegistry::new));
  }

  public StreamMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.stamped =
        Counter.builder("quire.stream.stamped")
            .baseUnit("events")
            .description("Events given their commit position and seals by this server")
            .register(registry);
    Gauge.builder("quire.stream.head.position", headPosition, AtomicLong::get)
        .description("The newest commit position this server has stamped or read")
        .register(registry);
    for (String trigger : new String[] {"background", "read"}) {
      for (String outcome : new String[] {"stamped", "busy", "failed"}) {
        stampings(trigger, outcome);
      }
    }
    for (String kind : new String[] {"org_page", "stream_page", "head"}) {
      reads(kind);
    }
    readEvents("org_page");
    readEvents("stream_page");
  }

  /** Meters that go nowhere: for a stream used outside the application (tools, tests). */
  public static StreamMetrics none() {
    return new StreamMetrics(new CompositeMeterRegistry());
  }

  /** The start of something timed: a stamping or a verification. */
  Timer.Sample start() {
    return Timer.start(registry);
  }

  /** One stamping transaction: how it was triggered, how it ended, what it stamped. */
  void stamping(Timer.Sample started, boolean background, String outcome, long events) {
    started.stop(stampings(background ? "background" : "read", outcome));
    if (events > 0) {
      stamped.increment(events);
    }
  }

  /** The newest position this server knows of. */
  void head(long position) {
    headPosition.accumulateAndGet(position, Math::max);
  }

  /** A page of the audit log ({@code org}) or of the whole stream, with its events. */
  public void page(boolean org, int events) {
    String kind = org ? "org_page" : "stream_page";
    reads(kind).increment();
    readEvents(kind).increment(events);
  }

  /** A read of the head. */
  void headRead() {
    reads("head").increment();
  }

  /** A seal check of the whole history or of one aggregate. */
  void verification(Timer.Sample started, boolean wholeHistory, boolean intact) {
    started.stop(
        Timer.builder("quire.stream.verifications")
            .description("Seal checks (verify/) and how long they took")
            .tag("scope", wholeHistory ? "history" : "aggregate")
            .tag("result", intact ? "intact" : "broken")
            .register(registry));
  }

  private Timer stampings(String trigger, String outcome) {
    return Timer.builder("quire.stream.stampings")
        .description("Stamping transactions of this server and how long they took")
        .tag("trigger", trigger)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter readEvents(String kind) {
    return Counter.builder("quire.stream.read.events")
        .baseUnit("events")
        .description("Events answered by reads of the stream")
        .tag("kind", kind)
        .register(registry);
  }

  private Counter reads(String kind) {
    return Counter.builder("quire.stream.reads")
        .description("Reads of the event stream: pages of an org's log or the stream, heads")
        .tag("kind", kind)
        .register(registry);
  }
}
