package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySoakTest {

  @Test
  void aWobblingLiveHeapHasOnlyASmallTrend() {
    List<double[]> samples =
        List.of(
            new double[] {1, 80}, new double[] {2, 82}, new double[] {3, 80}, new double[] {4, 82});
    assertThat(MemorySoak.slope(samples)).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void aSteadyLeakShowsAsItsGrowthPerMinute() {
    List<double[]> samples =
        List.of(new double[] {1, 100}, new double[] {2, 103}, new double[] {3, 106});
    assertThat(MemorySoak.slope(samples)).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void oneSampleHasNoTrend() {
    assertThat(MemorySoak.slope(List.of(new double[] {1, 100}))).isZero();
  }
}
