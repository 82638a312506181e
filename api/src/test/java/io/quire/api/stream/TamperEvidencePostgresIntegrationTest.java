package io.quire.api.stream;

import io.quire.query.stream.TamperEvidenceContract;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evidence contract on PostgreSQL: in a database of its own beside this run's, migrated
 * once by Quire's migrations and emptied before each test, so that the history it alters behind the
 * API's back is nobody else's.
 */
class TamperEvidencePostgresIntegrationTest extends TamperEvidenceContract {

  private static DataSource schema;

  @Override
  protected DataSource database() {
    DataSource own = schema();
    new JdbcTemplate(own)
        .execute(
            "TRUNCATE domain_event_entry, audit_event;"
                + " UPDATE event_stream_head SET position = 0, seal = decode(repeat('00', 32), 'hex')");
    return own;
  }

  private static synchronized DataSource schema() {
    if (schema == null) {
      schema = OwnDatabase.migrated("tamper");
    }
    return schema;
  }
}
