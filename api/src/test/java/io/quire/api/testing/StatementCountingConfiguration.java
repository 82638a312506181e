package io.quire.api.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps the application's data source so that {@link StatementCounter} sees every statement, and
 * counts what an HTTP request runs on its request thread when it carries {@value #HEADER} (the key
 * under which {@link StatementCounter#ofRequest} then answers it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCountingConfiguration {

  public static final String HEADER = "X-Test-Count-Statements";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static Filter countingRequests() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
          chain.doFilter(request, response);
          return;
        }
        StatementCounter.Counted<Void> counted =
            StatementCounter.count(
                () -> {
                  try {
                    chain.doFilter(request, response);
                  } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                  }
                  return null;
                });
        StatementCounter.recordRequest(key, counted);
      }
    };
  }

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
