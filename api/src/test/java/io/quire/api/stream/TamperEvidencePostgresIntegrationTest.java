package io.quire.api.stream;

import io.quire.api.testing.TestDatabase;
import io.quire.query.audit.AuditLogBackfill;
import io.quire.query.stream.EventStreamBackfill;
import io.quire.query.stream.TamperEvidenceContract;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
      TestDatabase.Connection database = TestDatabase.another("tamper");
      DriverManagerDataSource source =
          new DriverManagerDataSource(database.url(), database.username(), database.password());
      Flyway.configure()
          .dataSource(source)
          .locations("classpath:db/migration/postgresql")
          .javaMigrations(new AuditLogBackfill(), new EventStreamBackfill())
          .load()
          .migrate();
      schema = source;
    }
    return schema;
  }
}
