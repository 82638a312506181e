package io.quire.perf.floor;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The stack floor's application. It imports only the auto-configuration a JSON endpoint over JDBC
 * needs, named one by one (the test classpath also holds Quire, Axon and Hibernate, none of which
 * may start here), and reads {@code stack-floor.properties} instead of Quire's {@code
 * application.yml}: Quire's Tomcat, Hikari (20 connections) and Jackson settings, its PostgreSQL by
 * {@code SPRING_DATASOURCE_URL} as usual, port 18090 unless {@code --server.port} says otherwise.
 *
 * <pre>
 * perf/run io.quire.perf.floor.StackFloorApplication \
 *     --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/quire_perf
 * </pre>
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  ServletWebServerFactoryAutoConfiguration.class,
  EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  DataSourceAutoConfiguration.class,
  DataSourceTransactionManagerAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class,
  TransactionAutoConfiguration.class
})
@Import({FloorSchema.class, FloorController.class})
public class StackFloorApplication {

  /** The floor as an application, not started yet. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(StackFloorApplication.class);
    application.setDefaultProperties(
        Map.of("spring.config.name", "stack-floor", "spring.main.banner-mode", "off"));
    return application;
  }

  /** Starts the floor; {@code args} are Spring Boot's ({@code --server.port=0}, ...). */
  public static ConfigurableApplicationContext start(String... args) {
    return application().run(args);
  }

  public static void main(String[] args) {
    start(args);
  }
}
