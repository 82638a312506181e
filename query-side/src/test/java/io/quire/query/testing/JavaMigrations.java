package io.quire.query.testing;

import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Runs a Java migration on a database as Flyway would: in one transaction, committed at the end.
 */
public final class JavaMigrations {

  private JavaMigrations() {}

  public static void run(JavaMigration migration, DataSource database) throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      migration.migrate(
          new Context() {
            @Override
            public Configuration getConfiguration() {
              return null;
            }

            @Override
            public Connection getConnection() {
              return connection;
            }
          });
      connection.commit();
    }
  }
}
