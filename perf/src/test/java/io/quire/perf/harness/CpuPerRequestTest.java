package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.perf.harness.CpuPerRequest.Measurement;
import io.quire.perf.harness.CpuPerRequest.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPerRequestTest {

  @Test
  void cpuTimeIsUserPlusSystemCountedFromTheLastParenthesis() {
    String stat =
        "4242 (java (pool) x) S 1 4242 4242 0 -1 4194560 90 0 0 0 1500 250 0 0 20 0 40 0 1 2 3\n";

    assertThat(CpuPerRequest.cpuTicks(stat)).isEqualTo(1750);
  }

  @Test
  void aServerIsALabelAPidAndAnAddress() {
    assertThat(Server.parse("after=12346@http://127.0.0.1:18082"))
        .isEqualTo(new Server("after", 12346, "http://127.0.0.1:18082"));
    assertThatThrownBy(() -> Server.parse("http://127.0.0.1:18082"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTableShowsEveryRoundAndMeansWithoutTheWarmUp() {
    List<Server> servers =
        List.of(new Server("before", 1, "http://a"), new Server("after", 2, "http://b"));
    List<List<Measurement>> rounds =
        List.of(
            List.of(new Measurement(1_000, 0, 100, 9_000), new Measurement(1_000, 0, 100, 9_000)),
            List.of(
                new Measurement(10_000, 0, 4_000, 2_000), new Measurement(10_000, 0, 5_000, 1_800)),
            List.of(
                new Measurement(10_000, 0, 4_200, 2_200),
                new Measurement(10_000, 3, 5_200, 1_600)));

    String table = CpuPerRequest.report("OrgUser", servers, rounds, 1);

    assertThat(table)
        .contains("| round | before: ms per request (req/s) | after: ms per request (req/s) |")
        .contains("| 1 (warm-up) | 9.000 (100) | 9.000 (100) |")
        .contains("| 2 | 0.200 (4,000) | 0.180 (5,000) |")
        .contains("| 3 | 0.220 (4,200) | 0.160 (5,200), 3 failed |")
        .contains("| mean | 0.210 (4,100) | 0.170 (5,100) |");
  }
}
