package io.quire.api.testing;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the application's data source so that {@link StatementCounter} sees every statement. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCountingConfiguration {

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? StatementCounter.counting(dataSource) : bean;
      }
    };
  }
}
