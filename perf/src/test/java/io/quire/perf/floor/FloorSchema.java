package io.quire.perf.floor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The floor's tables, made afresh at start: pgbench's own ({@code pgbench/setup.sql}, the shape of
 * Axon's event table and one read-model row per aggregate), in a schema of their own, {@value
 * #SCHEMA}, so the floor and the pgbench baseline never share rows. {@code quire.floor.aggregates}
 * (default 100,000, as pgbench's) sets how many aggregates of three events it starts with.
 */
class FloorSchema {

  static final String SCHEMA = "quire_floor";
  private static final String PGBENCH_SCHEMA = "quire_pgbench";
  private static final String PGBENCH_AGGREGATES = "generate_series(1, 100000)";

  private final int aggregates;

  FloorSchema(DataSource dataSource, @Value("${quire.floor.aggregates:100000}") int aggregates) {
    if (aggregates < 1) {
      throw new IllegalArgumentException("quire.floor.aggregates must be positive: " + aggregates);
    }
    this.aggregates = aggregates;
    new ResourceDatabasePopulator(new ByteArrayResource(script().getBytes(StandardCharsets.UTF_8)))
        .execute(dataSource);
  }

  /** How many aggregates the floor started with: ids 1 to this. */
  int aggregates() {
    return aggregates;
  }

  private String script() {
    String pgbench = pgbenchSetup();
    if (!pgbench.contains(PGBENCH_AGGREGATES)) {
      throw new IllegalStateException("pgbench/setup.sql no longer makes " + PGBENCH_AGGREGATES);
    }
    return pgbench
        .replace(PGBENCH_SCHEMA, SCHEMA)
        .replace(PGBENCH_AGGREGATES, "generate_series(1, " + aggregates + ")");
  }

  private static String pgbenchSetup() {
    try (InputStream in = FloorSchema.class.getResourceAsStream("/pgbench/setup.sql")) {
      if (in == null) {
        throw new IllegalStateException("pgbench/setup.sql is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read pgbench/setup.sql: " + e, e);
    }
  }
}
