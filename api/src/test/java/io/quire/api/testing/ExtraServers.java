package io.quire.api.testing;

import io.quire.QuireApplication;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring applications started by hand inside a test JVM, beside the contexts of the test framework:
 * a second Quire server on this run's database (as after a restart, or behind a load balancer), or
 * another application such as the stack floor.
 *
 * <p>They start without Spring Boot's logging initialisation. Spring's test framework loads its
 * contexts one at a time, but an application started by hand can start while one of them does, and
 * two Spring Boot logging initialisations at once corrupt Logback's context (a {@code
 * ConcurrentModificationException} in {@code LoggerContext.putProperty} failed a context load in
 * CI). These applications log through the logging the test JVM already has, and closing them leaves
 * it alone.
 */
public final class ExtraServers {

  /**
   * The connection pool of a Quire server started here: 8 connections, not the application's 20,
   * which Hikari opens at once and keeps. Beside the test framework's server, a few of those at
   * once exceeded PostgreSQL's {@code max_connections} (100 here) and failed unrelated tests with
   * "too many clients".
   */
  public static final String SMALL_POOL = "--spring.datasource.hikari.maximum-pool-size=8";

  private ExtraServers() {}

  /**
   * A second Quire server on this test run's database, on a free port, with the integration-test
   * profile; {@code args} are Spring Boot's ({@code --quire.secret-key=...}), which outrank the
   * profile's settings.
   */
  public static ConfigurableApplicationContext quire(String... args) {
    SpringApplication application =
        new SpringApplicationBuilder(QuireApplication.class, TestClockConfiguration.class)
            .profiles("integration-test")
            .initializers(new PostgresContextInitializer())
            .build();
    // The first server has migrated the database.
    Stream<String> always =
        Stream.of("--server.port=0", "--spring.flyway.enabled=false", SMALL_POOL);
    return start(application, Stream.concat(always, Stream.of(args)).toArray(String[]::new));
  }

  /** Runs {@code application} without Spring Boot's logging initialisation. */
  public static ConfigurableApplicationContext start(
      SpringApplication application, String... args) {
    application.setListeners(
        application.getListeners().stream()
            .filter(listener -> !(listener instanceof LoggingApplicationListener))
            .toList());
    return application.run(args);
  }

  /** The port a started server listens on. */
  public static int port(ConfigurableApplicationContext server) {
    return ((WebServerApplicationContext) server).getWebServer().getPort();
  }
}
