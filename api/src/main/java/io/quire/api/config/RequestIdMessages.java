package io.quire.api.config;

import io.quire.api.web.RequestIds;
import io.quire.kernel.common.RequestMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP request's id in the metadata of every message it causes.
 *
 * <ul>
 *   <li>Every command sent on the command bus (through any gateway, retries included) gets {@code
 *       requestId} from the request this thread serves ({@link RequestIds#current()}), unless it
 *       carries one already; so does every event published outside a command.
 *   <li>Axon copies it from the command being handled to every event the command applies, and from
 *       an event being handled to every message its handlers send ({@link
 *       SimpleCorrelationDataProvider}), next to its own causation chain ({@link
 *       MessageOriginProvider}: {@code correlationId}, the message that caused this one, and {@code
 *       traceId}, the first message of the chain). Axon's auto-configuration offers the origin
 *       provider only while no other {@link CorrelationDataProvider} bean exists, so both are
 *       declared here.
 * </ul>
 *
 * <p>Work that no request caused (start-up, the export sweep) sends messages without a request id.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdMessages {

  // Static: Axon's configurer needs the providers while it builds the command bus, which this
  // class's instance is wired with.
  @Bean
  static CorrelationDataProvider messageOriginProvider() {
    return new MessageOriginProvider();
  }

  @Bean
  static CorrelationDataProvider requestIdCorrelation() {
    return new SimpleCorrelationDataProvider(RequestMetadata.REQUEST_ID);
  }

  @Autowired
  void stampCommands(CommandBus commandBus) {
    commandBus.registerDispatchInterceptor(new StampRequestId<CommandMessage<?>>());
  }

  @Autowired
  void stampEvents(EventBus eventBus) {
    eventBus.registerDispatchInterceptor(new StampRequestId<EventMessage<?>>());
  }

  /** Adds the current request's id to messages that have none. */
  static final class StampRequestId<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
      Optional<String> id = RequestIds.current();
      return (index, message) ->
          id.isEmpty() || message.getMetaData().containsKey(RequestMetadata.REQUEST_ID)
              ? message
              : (M) message.andMetaData(Map.of(RequestMetadata.REQUEST_ID, id.get()));
    }
  }
}
