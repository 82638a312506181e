package io.quire.api.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL database of this test run, created on first use and shared by every integration
 * test of the JVM.
 *
 * <p>Where a Docker engine answers, a Testcontainers PostgreSQL. Otherwise the server named by
 * {@code QUIRE_TEST_DATABASE_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user
 * {@code QUIRE_TEST_DATABASE_USERNAME}, default {@code postgres}, password {@code
 * QUIRE_TEST_DATABASE_PASSWORD}), on which a new database {@code quire_test_<time>_<random>} is
 * created, so two runs never collide; it is dropped when the JVM exits, and leftovers of crashed
 * runs older than a day are dropped too. {@code QUIRE_TEST_KEEP_DATABASE=true} keeps it.
 */
public final class TestDatabase {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static Connection instance;

  private TestDatabase() {}

  /** Where to connect. */
  public record Connection(String url, String username, String password) {}

  public static synchronized Connection get() {
    if (instance == null) {
      instance = create();
    }
    return instance;
  }

  /**
   * Another fresh database on this run's server, for a test that must not share the run's (one that
   * alters history behind the API's back, say); dropped when the test JVM ends, like the run's.
   */
  public static synchronized Connection another(String purpose) {
    Connection run = get();
    String name =
        "quire_test_"
            + STAMP.format(LocalDateTime.now(ZoneOffset.UTC))
            + "_"
            + purpose
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    try (java.sql.Connection admin =
            DriverManager.getConnection(run.url(), run.username(), run.password());
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
    }
    if (!Boolean.parseBoolean(setting("QUIRE_TEST_KEEP_DATABASE", "false"))) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> drop(run.url(), run.username(), run.password(), name), "drop-test-db"));
    }
    return new Connection(withDatabase(run.url(), name), run.username(), run.password());
  }

  private static Connection create() {
    if (dockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
      return new Connection(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    String adminUrl =
        setting("QUIRE_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = setting("QUIRE_TEST_DATABASE_USERNAME", "postgres");
    String password = setting("QUIRE_TEST_DATABASE_PASSWORD", "");
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    String name =
        "quire_test_" + STAMP.format(now) + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password);
        Statement sql = admin.createStatement()) {
      dropLeftovers(sql, now);
      sql.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the test database on "
              + adminUrl
              + " (set QUIRE_TEST_DATABASE_URL, _USERNAME, _PASSWORD): "
              + e.getMessage(),
          e);
    }
    if (!Boolean.parseBoolean(setting("QUIRE_TEST_KEEP_DATABASE", "false"))) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name), "drop-test-db"));
    }
    return new Connection(withDatabase(adminUrl, name), user, password);
  }

  private static void dropLeftovers(Statement sql, LocalDateTime now) throws SQLException {
    List<String> old = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'quire\\_test\\_%'")) {
      while (rs.next()) {
        String db = rs.getString(1);
        try {
          LocalDateTime created = LocalDateTime.parse(db.substring(11, 25), STAMP);
          if (created.isBefore(now.minusDays(1))) {
            old.add(db);
          }
        } catch (RuntimeException notOurs) {
          // A name we did not make: leave it alone.
        }
      }
    }
    for (String db : old) {
      sql.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  private static void drop(String adminUrl, String user, String password, String name) {
    try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
    String params = query < 0 ? "" : url.substring(query);
    return base + "/" + database + params;
  }

  private static boolean dockerAvailable() {
    if (Boolean.parseBoolean(setting("QUIRE_TEST_NO_DOCKER", "false"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }
}
