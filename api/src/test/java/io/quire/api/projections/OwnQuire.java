package io.quire.api.projections;

import io.quire.QuireApplication;
import io.quire.api.testing.ExtraServers;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.TestClockConfiguration;
import io.quire.api.testing.TestDatabase;
import io.quire.command.accounts.AccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Quire servers on a PostgreSQL database of their own, for tests that rebuild read models: a
 * rebuild swaps tables and moves the task list's versions, which the tests sharing this run's
 * database must not see. The first server migrates the database; more can join it, as behind a load
 * balancer.
 */
public final class OwnQuire implements AutoCloseable {

  /**
   * The JUnit resource lock of the test classes that start servers of their own on PostgreSQL (each
   * with its connection pool): one such class at a time, so that together they stay well within
   * PostgreSQL's {@code max_connections} (100 here) beside the shared test server.
   */
  public static final String SERVERS = "quire-servers-of-their-own";

  private final TestDatabase.Connection database;
  private final List<ConfigurableApplicationContext> servers = new ArrayList<>();

  private OwnQuire(TestDatabase.Connection database) {
    this.database = database;
  }

  /** A new database for {@code purpose}, and a first server on it with these settings. */
  public static OwnQuire start(String purpose, String... settings) {
    OwnQuire quire = new OwnQuire(TestDatabase.another(purpose));
    quire.server(true, settings);
    return quire;
  }

  /** The database's JDBC URL, user and password (for a server in a process of its own). */
  public TestDatabase.Connection database() {
    return database;
  }

  /** Starts one more server on the database, with these settings (not the first's): its API. */
  public HttpApi anotherServer(String... settings) {
    return api(server(false, settings));
  }

  /** The first server's API. */
  public HttpApi api() {
    return api(servers.get(0));
  }

  /** The first server's port. */
  public int port() {
    return ExtraServers.port(servers.get(0));
  }

  /** A token of a new staff user. */
  public String staffToken() {
    AccountService accounts = servers.get(0).getBean(AccountService.class);
    String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.register(name, name + "@example.com", "correct-horse-battery-staple", true);
    return accounts.issueToken(name, "correct-horse-battery-staple");
  }

  /** A bean of the first server. */
  public <T> T bean(Class<T> type) {
    return servers.get(0).getBean(type);
  }

  /** Plain SQL on the database. */
  public JdbcTemplate sql() {
    return new JdbcTemplate(dataSource());
  }

  /** How many rebuild copies (scratch schemas) the database holds: none once rebuilds are over. */
  public long scratchSchemas() {
    return sql()
        .queryForObject(
            "SELECT COUNT(*) FROM information_schema.schemata"
                + " WHERE schema_name LIKE 'quire_rebuild%'",
            Long.class);
  }

  public DataSource dataSource() {
    return new DriverManagerDataSource(database.url(), database.username(), database.password());
  }

  private ConfigurableApplicationContext server(boolean migrates, String... settings) {
    SpringApplication application =
        new SpringApplicationBuilder(QuireApplication.class, TestClockConfiguration.class)
            .profiles("integration-test")
            .build();
    Stream<String> own =
        Stream.of(
            "--server.port=0",
            "--spring.flyway.enabled=" + migrates,
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password(),
            ExtraServers.SMALL_POOL);
    ConfigurableApplicationContext server =
        ExtraServers.start(
            application, Stream.concat(own, Stream.of(settings)).toArray(String[]::new));
    servers.add(server);
    return server;
  }

  private static HttpApi api(ConfigurableApplicationContext server) {
    return new HttpApi(ExtraServers.port(server));
  }

  @Override
  public void close() {
    for (ConfigurableApplicationContext server : servers) {
      server.close();
    }
    servers.clear();
  }
}
