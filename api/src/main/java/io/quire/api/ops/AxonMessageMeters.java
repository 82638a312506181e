package io.quire.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Which meters Axon's components record: the buses, the event store and every event processor get
 * {@link PayloadTypeMeters} (axon-micrometer's dimensional names and tags, each payload type's
 * meters kept); anything else (none today) gets axon-micrometer's own monitors. It replaces the
 * module axon-micrometer's auto-configuration would register.
 */
final class AxonMessageMeters extends MetricsConfigurerModule {

  private final GlobalMetricRegistry axonMetrics;

  AxonMessageMeters(GlobalMetricRegistry axonMetrics) {
    super(axonMetrics, true);
    this.axonMetrics = axonMetrics;
  }

  @Override
  public void configureModule(Configurer configurer) {
    configurer.configureMessageMonitor(configuration -> this::monitor);
  }

  @SuppressWarnings("unchecked")
  MessageMonitor<Message<?>> monitor(Class<?> componentType, String componentName) {
    MeterRegistry registry = axonMetrics.getRegistry();
    if (EventProcessor.class.isAssignableFrom(componentType)) {
      return new PayloadTypeMeters(
          registry, "eventProcessor", Tags.of("processorName", componentName));
    }
    if (CommandBus.class.isAssignableFrom(componentType)
        || EventBus.class.isAssignableFrom(componentType)
        || QueryBus.class.isAssignableFrom(componentType)
        || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
      return new PayloadTypeMeters(registry, componentName, Tags.empty());
    }
    return (MessageMonitor<Message<?>>)
        axonMetrics.registerComponentWithDefaultTags(componentType, componentName);
  }
}
