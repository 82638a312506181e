package io.quire.command.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A private in-memory H2 database in PostgreSQL mode (as the application runs it) with the command
 * side's tables from the application's own H2 migration, so that the SQL tested here is the SQL
 * that ships.
 */
public final class H2Database {

  private static final Path MIGRATIONS = Path.of("../api/src/main/resources/db/migration/h2");

  private final DataSource dataSource;

  private H2Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A fresh database with the tables of the migration whose file name starts with it. */
  public static H2Database withMigration(String version) {
    SimpleDriverDataSource dataSource =
        new SimpleDriverDataSource(
            new org.h2.Driver(),
            "jdbc:h2:mem:command-side-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    try (var connection = dataSource.getConnection();
        var files = Files.list(MIGRATIONS)) {
      Path script =
          files
              .filter(f -> f.getFileName().toString().startsWith(version + "__"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("No migration " + version));
      ScriptUtils.executeSqlScript(connection, new FileSystemResource(script));
    } catch (Exception e) {
      throw new IllegalStateException("Could not set up the test database", e);
    }
    return new H2Database(dataSource);
  }

  public JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  public DataSourceTransactionManager transactionManager() {
    return new DataSourceTransactionManager(dataSource);
  }

  /** Drops the database (it lives until then, whatever connections close). */
  public void shutdown() {
    jdbc().execute("SHUTDOWN");
  }
}
