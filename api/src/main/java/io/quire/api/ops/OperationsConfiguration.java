package io.quire.api.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quire.api.accounts.TokenAuthenticationInterceptor;
import io.quire.api.errors.FilterErrors;
import java.util.List;
import java.util.Map;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The actuator's part of operations (docs/architecture.md, Operations): who may read it ({@link
 * StaffOnlyActuatorFilter}) and what the readiness probe checks.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  FilterRegistrationBean<StaffOnlyActuatorFilter> staffOnlyActuatorFilter(
      TokenAuthenticationInterceptor authentication, FilterErrors errors) {
    var registration =
        new FilterRegistrationBean<>(new StaffOnlyActuatorFilter(authentication, errors));
    // After the request id, the trailing slash and TRACE (405 as on every path).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }

  /**
   * Axon's message meters, with each payload type's meters kept instead of built for every message
   * ({@link AxonMessageMeters}); axon-micrometer's auto-configuration registers its own module only
   * when there is none.
   */
  @Bean
  MetricsConfigurerModule axonMessageMeters(GlobalMetricRegistry axonMetrics) {
    return new AxonMessageMeters(axonMetrics);
  }

  /**
   * Axon's timers (axon-micrometer) publish six client-side quantiles each, per payload type and
   * processor: series that Prometheus cannot aggregate across servers, seven times over. Without
   * them each timer is a count, a sum and a max, from which rates and mean times follow.
   */
  @Bean
  MeterFilter axonTimersWithoutClientSideQuantiles() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        return AXON_METERS.stream().anyMatch(id.getName()::startsWith)
            ? DistributionStatisticConfig.builder().percentiles().build().merge(config)
            : config;
      }
    };
  }

  /** The prefixes of Axon's meter names: its buses, event store and event processors. */
  static final List<String> AXON_METERS =
      List.of(
          "commandBus.",
          "eventBus.",
          "eventStore.",
          "queryBus.",
          "queryUpdateEmitter.",
          "eventProcessor.");

  /**
   * {@code quire} in {@code /actuator/health} and its {@code readiness} group: what {@code
   * /readyz/} checks (the database and every event processor), down with the same names when one
   * fails. Details are never shown on the health endpoint; {@code /readyz/} names them.
   */
  @Bean
  HealthIndicator quireHealthIndicator(ReadinessChecks readiness) {
    return () -> {
      Map<String, String> checks = readiness.run();
      boolean ready = checks.values().stream().allMatch(ReadinessChecks.OK::equals);
      return (ready ? Health.up() : Health.outOfService()).withDetails(checks).build();
    };
  }
}
