package io.quire.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Integration tests read time from a clock fixed at {@link #NOW}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
