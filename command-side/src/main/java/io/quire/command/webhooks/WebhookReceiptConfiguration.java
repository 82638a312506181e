package io.quire.command.webhooks;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The receipts' repository, declared so that {@link WebhookReceiver} (an external command handler)
 * can load and create receipts in its own unit of work.
 */
@Configuration(proxyBeanMethods = false)
class WebhookReceiptConfiguration {

  static final String REPOSITORY = "webhookReceiptRepository";

  @Bean(REPOSITORY)
  Repository<WebhookReceipt> webhookReceiptRepository(EventStore eventStore) {
    return EventSourcingRepository.builder(WebhookReceipt.class).eventStore(eventStore).build();
  }
}
