package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgbenchBaselineTest {

  @Test
  void pgbenchGetsTheDatabaseAsItsLastArgumentNeverAsDebugFlag() {
    List<String> line =
        PgbenchBaseline.withConnection(
            List.of("pgbench", "-n", "-T", "30"), "127.0.0.1", 5432, "postgres", "quire_perf");

    assertThat(line)
        .containsExactly(
            "pgbench",
            "-n",
            "-T",
            "30",
            "-h",
            "127.0.0.1",
            "-p",
            "5432",
            "-U",
            "postgres",
            "quire_perf")
        .doesNotContain("-d");
  }

  @Test
  void psqlGetsTheDatabaseAsDashD() {
    List<String> line =
        PgbenchBaseline.withConnection(
            List.of("psql", "-q"), "127.0.0.1", 5432, "postgres", "quire_perf");

    assertThat(line).endsWith("-U", "postgres", "-d", "quire_perf");
  }
}
