package io.quire.api.testing;

import io.quire.QuireApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application on a random port and this run's PostgreSQL
 * database. Every class with this annotation, and nothing else, shares one Spring context; classes
 * run concurrently, so tests make their own users and never assume an empty database. Metrics are
 * exported as in production ({@code /actuator/prometheus}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
    classes = QuireApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@Import({
  TestClockConfiguration.class,
  Users.class,
  Orgs.class,
  Articles.class,
  Webhooks.class,
  FaultInjection.class,
  RacingChanges.class,
  HttpApiConfiguration.class,
  StatementCountingConfiguration.class
})
@ActiveProfiles("integration-test")
// Spring Boot's tests switch metrics export off by default; the Prometheus endpoint is under test.
@AutoConfigureObservability(tracing = false)
public @interface IntegrationTest {}
