package io.quire.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.RepeatedTest;

class ClockConfigurationTest {

  private final Clock clock = new ClockConfiguration().clock();

  @RepeatedTest(20)
  void timesHaveMicrosecondPrecisionAsTheDatabaseStoresThem() {
    assertThat(clock.instant().getNano() % 1_000).isZero();
  }
}
