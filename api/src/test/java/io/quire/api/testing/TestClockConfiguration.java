package io.quire.api.testing;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Integration tests read time from a {@link TickingClock} that starts at {@link #NOW}: fixed, but
 * never the same instant twice.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /**
   * One clock for every application context in the test JVM: Axon stamps events from a static clock
   * that each context sets, so two contexts with clocks of their own would disagree.
   */
  private static final Clock CLOCK = new TickingClock(NOW);

  @Bean
  @Primary
  Clock testClock() {
    return CLOCK;
  }
}
