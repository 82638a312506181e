package io.quire.api.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at this run's PostgreSQL database ({@link TestDatabase}). */
public class PostgresContextInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestDatabase.Connection db = TestDatabase.get();
    TestPropertyValues.of(
            "spring.datasource.url=" + db.url(),
            "spring.datasource.username=" + db.username(),
            "spring.datasource.password=" + db.password())
        .applyTo(context.getEnvironment());
  }
}
