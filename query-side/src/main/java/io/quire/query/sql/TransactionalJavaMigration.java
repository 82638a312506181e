package io.quire.query.sql;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java that runs inside Flyway's transaction, for either vendor: a
 * failure leaves the database as it was, and the migration runs again at the next start. Its
 * checksum is null, as for every Java migration (Flyway has no text to sum). Spring Boot hands
 * every {@link JavaMigration} bean to Flyway.
 */
public abstract class TransactionalJavaMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  protected TransactionalJavaMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
