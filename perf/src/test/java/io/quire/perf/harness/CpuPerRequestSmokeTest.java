package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.IntegrationTest;
import io.quire.perf.Baseline;
import io.quire.perf.SimulationSmokeTest;
import io.quire.perf.harness.CpuPerRequest.Measurement;
import io.quire.perf.harness.CpuPerRequest.Server;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link CpuPerRequest} for two seconds against this test run's own server, which runs in this JVM
 * (so the CPU it counts is Gatling's as well as the server's): it counts the requests made and CPU
 * time spent, and one round per server makes one row.
 */
@IntegrationTest
@Execution(ExecutionMode.SAME_THREAD)
class CpuPerRequestSmokeTest {

  @LocalServerPort int port;

  @Test
  void measuresTheCpuTimeOfTheNamedProcessOverTheRequestsOfARun() {
    Server self = new Server("self", ProcessHandle.current().pid(), "http://127.0.0.1:" + port);
    List<List<Measurement>> rounds =
        CpuPerRequest.measure(
            Baseline.class, List.of(self), 1, SimulationSmokeTest.loadProfile(self.baseUrl()));

    assertThat(rounds).hasSize(1);
    Measurement run = rounds.get(0).get(0);
    assertThat(run.requests()).isPositive();
    assertThat(run.failed()).isZero();
    assertThat(run.cpuMillis()).isPositive();
    assertThat(run.cpuMillisPerRequest()).isPositive().isFinite();
  }
}
