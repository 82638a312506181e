package io.quire.command.articles;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes a failure of {@link ArticleLookupUpdater} fail the command whose events it was handling.
 * Axon's default for event handlers is to log an exception and carry on, which in a subscribing
 * processor would commit the events with the lookup table behind them. (Which processor the group
 * runs in, subscribing, is the application's configuration.)
 */
@Configuration(proxyBeanMethods = false)
class ArticleLookupConfiguration {

  @Bean
  ConfigurerModule articleLookupFailuresPropagate() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                ArticleLookupUpdater.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }
}
