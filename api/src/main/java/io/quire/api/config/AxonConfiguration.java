package io.quire.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quire.command.common.CommandRetries;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Axon's serialization. Events, messages, tokens and snapshots are JSON written by an object mapper
 * of their own ({@code defaultAxonObjectMapper}, picked up by Axon's auto-configuration with {@code
 * axon.serializer.*=jackson}): camelCase field names, ISO-8601 instants, and tolerant of fields it
 * does not know, so old events keep reading after a record grows. The HTTP API keeps Spring Boot's
 * mapper (snake_case, strict), which stays the primary one.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

  @Bean
  @Primary
  ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
    return builder.createXmlMapper(false).build();
  }

  /**
   * An event handler that fails makes the command fail. Read models are written by subscribing
   * processors in the command's own transaction, so the events and every read model roll back
   * together; Axon's default would log the error and leave the read model behind for good.
   */
  @Autowired
  void propagateEventHandlerErrors(EventProcessingConfigurer processing) {
    processing.registerDefaultListenerInvocationErrorHandler(
        configuration -> PropagatingErrorHandler.instance());
  }

  /**
   * Every processing group is subscribing unless configured otherwise, so a new projection can
   * never quietly become a lagging tracking processor and break read-your-writes.
   */
  @Autowired
  void subscribingByDefault(EventProcessingConfigurer processing) {
    processing.usingSubscribingEventProcessors();
  }

  /**
   * Commands that lost a race to append (another process appended to the same aggregate first) are
   * sent again; see {@link CommandRetries}.
   */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus) {
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "command-retries");
              thread.setDaemon(true);
              return thread;
            });
    return CommandRetries.gateway(commandBus, retries);
  }

  @Bean
  @Qualifier("defaultAxonObjectMapper")
  ObjectMapper defaultAxonObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
