package io.quire.query.stream;

import io.quire.query.testing.ReadModelDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The tamper-evidence contract on the embedded default, H2 in PostgreSQL mode. */
class TamperEvidenceTest extends TamperEvidenceContract {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();

  @Override
  protected DataSource database() {
    return db.jdbc().getJdbcTemplate().getDataSource();
  }

  @AfterEach
  void close() {
    db.close();
  }
}
