package io.quire.api.config;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} all code reads time from (tests replace it with a fixed one). Axon stamps
 * event messages from a static clock of its own; it is pointed at the same clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  InitializingBean axonEventClock(Clock clock) {
    return () -> GenericEventMessage.clock = clock;
  }
}
