package io.quire.command.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 300-second tolerance, exactly at its boundary, in the past and in the future. */
class WebhookFreshnessTest {

  private static final long STAMP = 1_772_366_400L; // 2026-03-01T12:00:00Z

  @ParameterizedTest(name = "{0} ms after the stamp: fresh = {1}")
  @CsvSource({
    "0, true",
    "299999, true",
    "300000, true",
    "300001, false",
    "301000, false",
    "-300000, true",
    "-300001, false",
    "-301000, false",
    "86400000, false"
  })
  void aDeliveryIsFreshWithin300SecondsEitherWay(long millisAfterStamp, boolean fresh) {
    Instant now = Instant.ofEpochSecond(STAMP).plusMillis(millisAfterStamp);
    assertThat(WebhookFreshness.isFresh(STAMP, now)).isEqualTo(fresh);
  }

  @ParameterizedTest
  @CsvSource({"-9223372036854775808", "9223372036854775807", "-999999999999"})
  void anAbsurdTimestampIsNeverFresh(long stamp) {
    assertThat(WebhookFreshness.isFresh(stamp, Instant.ofEpochSecond(STAMP))).isFalse();
  }
}
