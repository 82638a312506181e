package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class PayloadTypeMetersTest {

  record TaskCreated(String title) {}

  record TaskDeleted(String id) {}

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final PayloadTypeMeters tasks =
      new PayloadTypeMeters(registry, "eventProcessor", Tags.of("processorName", "tasks"));

  @Test
  void countsAndTimesEachOutcomePerPayloadTypeUnderAxonsNames() {
    MonitorCallback handled =
        tasks.onMessageIngested(GenericEventMessage.asEventMessage(new TaskCreated("a")));
    clock.add(Duration.ofMillis(3));
    handled.reportSuccess();
    tasks
        .onMessageIngested(GenericEventMessage.asEventMessage(new TaskCreated("b")))
        .reportIgnored();
    MonitorCallback failed =
        tasks.onMessageIngested(GenericEventMessage.asEventMessage(new TaskDeleted("c")));
    clock.add(Duration.ofMillis(5));
    failed.reportFailure(new IllegalStateException("boom"));

    Tags created = Tags.of("processorName", "tasks", "payloadType", "TaskCreated");
    Tags deleted = Tags.of("processorName", "tasks", "payloadType", "TaskDeleted");
    assertThat(count("eventProcessor.ingestedCounter", created)).isEqualTo(2);
    assertThat(count("eventProcessor.successCounter", created)).isEqualTo(1);
    assertThat(count("eventProcessor.ignoredCounter", created)).isEqualTo(1);
    assertThat(count("eventProcessor.failureCounter", created)).isZero();
    assertThat(count("eventProcessor.processedCounter", created)).isEqualTo(2);
    assertThat(count("eventProcessor.failureCounter", deleted)).isEqualTo(1);
    assertThat(count("eventProcessor.processedCounter", deleted)).isEqualTo(1);

    assertThat(registry.get("eventProcessor.allTimer").tags(created).timer().count()).isEqualTo(2);
    assertThat(
            registry
                .get("eventProcessor.successTimer")
                .tags(created)
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(3.0);
    assertThat(
            registry
                .get("eventProcessor.failureTimer")
                .tags(deleted)
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(5.0);
    assertThat(registry.get("eventProcessor.ignoredTimer").tags(created).timer().count())
        .isEqualTo(1);
  }

  @Test
  void aComponentWithoutTagsOfItsOwnIsTaggedByPayloadTypeAlone() {
    PayloadTypeMeters commandBus = new PayloadTypeMeters(registry, "commandBus", Tags.empty());

    commandBus
        .onMessageIngested(GenericEventMessage.asEventMessage(new TaskCreated("a")))
        .reportSuccess();

    assertThat(registry.get("commandBus.successCounter").meters())
        .singleElement()
        .satisfies(
            meter ->
                assertThat(meter.getId().getTags())
                    .containsExactlyElementsOf(Tags.of("payloadType", "TaskCreated")));
  }

  private double count(String name, Tags tags) {
    return registry.get(name).tags(tags).counter().count();
  }
}
