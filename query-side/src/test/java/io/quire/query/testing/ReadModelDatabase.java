package io.quire.query.testing;

import io.quire.kernel.accounts.UserId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh in-memory H2 database in PostgreSQL mode (as the application runs it), migrated by Flyway
 * from query-side's scripts ({@code classpath:db/migration/h2}) and a test-only script that creates
 * {@code user_directory} (api's V1 owns it). Counts the statements run through {@link #jdbc()}.
 */
public final class ReadModelDatabase implements AutoCloseable {

  private static final Set<String> STATEMENT_METHODS =
      Set.of("prepareStatement", "createStatement", "prepareCall");

  private final DataSource raw;
  private final AtomicInteger statements = new AtomicInteger();
  private final NamedParameterJdbcTemplate jdbc;

  private ReadModelDatabase(DataSource raw) {
    this.raw = raw;
    this.jdbc = new NamedParameterJdbcTemplate(counting(raw, statements));
  }

  /** A new, empty, migrated database of its own. */
  public static ReadModelDatabase migrated() {
    String url =
        "jdbc:h2:mem:query-side-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    DataSource raw = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
    Flyway.configure()
        .dataSource(raw)
        .locations("classpath:db/migration/h2", "classpath:db/test-migration/h2")
        .load()
        .migrate();
    return new ReadModelDatabase(raw);
  }

  /** SQL access to the database, counted. */
  public NamedParameterJdbcTemplate jdbc() {
    return jdbc;
  }

  /** How many statements {@code action} ran through {@link #jdbc()}. */
  public int statementsDuring(Runnable action) {
    int before = statements.get();
    action.run();
    return statements.get() - before;
  }

  /** Puts a user in the user directory, as its projection does on registration. */
  public void registerUser(UserId id, String username) {
    jdbc.update(
        "INSERT INTO user_directory (id, username) VALUES (:id, :username)",
        new MapSqlParameterSource("id", id.value()).addValue("username", username));
  }

  /** The number of rows in a table. */
  public long rows(String table) {
    return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @Override
  public void close() {
    new NamedParameterJdbcTemplate(raw).getJdbcTemplate().execute("SHUTDOWN");
  }

  private static DataSource counting(DataSource target, AtomicInteger statements) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection)
            Proxy.newProxyInstance(
                ReadModelDatabase.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (STATEMENT_METHODS.contains(method.getName())) {
                    statements.incrementAndGet();
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
      }
    };
  }
}
