package io.quire.api.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link WebhookMetrics} around the webhook endpoint. */
@Configuration(proxyBeanMethods = false)
class WebhookMetricsConfiguration {

  @Bean
  FilterRegistrationBean<WebhookMetrics> webhookMetrics(MeterRegistry registry) {
    var registration = new FilterRegistrationBean<>(new WebhookMetrics(registry));
    registration.addUrlPatterns("/api/v1/webhooks/*");
    // After the request id, before every filter that may refuse a delivery (the body limit).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
