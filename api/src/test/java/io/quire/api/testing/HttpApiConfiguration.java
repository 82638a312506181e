package io.quire.api.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Makes {@link HttpApi}, pointed at the application's random port, injectable in tests. */
@TestConfiguration(proxyBeanMethods = false)
public class HttpApiConfiguration {

  @Bean
  HttpApi httpApi(Environment environment) {
    return new HttpApi(() -> environment.getRequiredProperty("local.server.port", Integer.class));
  }
}
