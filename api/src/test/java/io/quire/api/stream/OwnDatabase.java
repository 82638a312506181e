package io.quire.api.stream;

import io.quire.api.testing.TestDatabase;
import io.quire.query.audit.AuditLogBackfill;
import io.quire.query.stream.EventStreamBackfill;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL database of a test's own beside this run's, migrated by Quire's migrations: for
 * tests that alter history or hold the stamper's lock, which must not reach the other tests.
 */
final class OwnDatabase {

  private OwnDatabase() {}

  static DataSource migrated(String purpose) {
    TestDatabase.Connection database = TestDatabase.another(purpose);
    DriverManagerDataSource source =
        new DriverManagerDataSource(database.url(), database.username(), database.password());
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/postgresql")
        .javaMigrations(new AuditLogBackfill(), new EventStreamBackfill())
        .load()
        .migrate();
    return source;
  }
}
