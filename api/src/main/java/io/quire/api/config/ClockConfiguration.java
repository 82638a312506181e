package io.quire.api.config;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} all code reads time from (tests add a fixed one as {@code @Primary}). Axon
 * stamps event messages from a static clock of its own; it is pointed at the same clock. Being
 * static, that one is shared by every application context in a JVM, so test contexts all use the
 * same fixed clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    // Microseconds, as PostgreSQL stores them: a time read back from a read model equals the
    // time in the event it came from (so `?as_of=<created_at>` finds the task as created).
    return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
  }

  @Bean
  InitializingBean axonEventClock(Clock clock) {
    return () -> GenericEventMessage.clock = clock;
  }
}
