package io.quire.api.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's message meters for one component (a bus, the event store, an event processor), with the
 * names and tags of axon-micrometer's dimensional monitors ({@code <prefix>.ingestedCounter},
 * {@code .successCounter}, {@code .failureCounter}, {@code .ignoredCounter}, {@code
 * .processedCounter}; {@code .allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code
 * .ignoredTimer}; tagged {@code payloadType} and the component's own tags), but with each payload
 * type's meters looked up once and kept.
 *
 * <p>axon-micrometer builds every meter's id (its tags from the message, a registry lookup) for
 * every message, in every monitor: with a dozen subscribing processors each seeing every event,
 * most of them to ignore it, that was about 12% of a write's CPU in the server
 * (docs/performance.md, <i>The write path: JDBC event store and lean meters</i>). Its capacity and
 * latency monitors are left out: for processors that handle events in the publishing thread the
 * latency is always zero, and the capacity (handling time per unit of time) is the rate of {@code
 * allTimer}'s sum.
 */
final class PayloadTypeMeters implements MessageMonitor<Message<?>> {

  private final MeterRegistry registry;
  private final String prefix;
  private final Tags componentTags;
  private final ClassValue<Meters> byPayloadType =
      new ClassValue<>() {
        @Override
        protected Meters computeValue(Class<?> payloadType) {
          return new Meters(
              componentTags.and("payloadType", payloadType.getSimpleName()), registry, prefix);
        }
      };

  PayloadTypeMeters(MeterRegistry registry, String prefix, Tags componentTags) {
    this.registry = registry;
    this.prefix = prefix;
    this.componentTags = componentTags;
  }

  @Override
  public MonitorCallback onMessageIngested(Message<?> message) {
    Meters meters = byPayloadType.get(message.getPayloadType());
    meters.ingested.increment();
    long start = registry.config().clock().monotonicTime();
    return new MonitorCallback() {
      @Override
      public void reportSuccess() {
        meters.report(meters.success, meters.successTimer, start);
      }

      @Override
      public void reportFailure(Throwable cause) {
        meters.report(meters.failure, meters.failureTimer, start);
      }

      @Override
      public void reportIgnored() {
        meters.report(meters.ignored, meters.ignoredTimer, start);
      }
    };
  }

  /** One payload type's meters in one component. */
  private static final class Meters {

    private final MeterRegistry registry;
    private final Counter ingested;
    private final Counter success;
    private final Counter failure;
    private final Counter ignored;
    private final Counter processed;
    private final Timer allTimer;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;

    Meters(Tags tags, MeterRegistry registry, String prefix) {
      this.registry = registry;
      this.ingested = registry.counter(prefix + ".ingestedCounter", tags);
      this.success = registry.counter(prefix + ".successCounter", tags);
      this.failure = registry.counter(prefix + ".failureCounter", tags);
      this.ignored = registry.counter(prefix + ".ignoredCounter", tags);
      this.processed = registry.counter(prefix + ".processedCounter", tags);
      this.allTimer = registry.timer(prefix + ".allTimer", tags);
      this.successTimer = registry.timer(prefix + ".successTimer", tags);
      this.failureTimer = registry.timer(prefix + ".failureTimer", tags);
      this.ignoredTimer = registry.timer(prefix + ".ignoredTimer", tags);
    }

    void report(Counter outcome, Timer outcomeTimer, long start) {
      long nanos = registry.config().clock().monotonicTime() - start;
      outcome.increment();
      processed.increment();
      outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
      allTimer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
