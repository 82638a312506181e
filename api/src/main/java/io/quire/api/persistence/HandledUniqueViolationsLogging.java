package io.quire.api.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Installs {@link HandledUniqueViolations} when the application starts, after Spring Boot has set
 * up logging (a bean, not a Logback configuration file, so that Boot's own logging setup and its
 * {@code logging.*} settings stay exactly as they are).
 */
@Component
class HandledUniqueViolationsLogging implements InitializingBean {

  @Override
  public void afterPropertiesSet() {
    HandledUniqueViolations.install();
  }
}
