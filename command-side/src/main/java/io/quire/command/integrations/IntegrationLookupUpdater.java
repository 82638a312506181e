package io.quire.command.integrations;

import io.quire.kernel.integrations.IntegrationCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code integration_lookup} in step with the integrations' events, in a subscribing
 * processor (processing group {@value #PROCESSING_GROUP}) whose failures fail the command (the
 * application's default). Idempotent, so a replay leaves the same rows.
 */
@Component
@ProcessingGroup(IntegrationLookupUpdater.PROCESSING_GROUP)
public class IntegrationLookupUpdater {

  public static final String PROCESSING_GROUP = "integration-lookup";

  private final IntegrationLookupTable table;

  IntegrationLookupUpdater(IntegrationLookupTable table) {
    this.table = table;
  }

  @EventHandler
  void on(IntegrationCreatedEvent event) {
    table.put(event.integrationId(), event.orgId(), event.sealedSecret());
  }

  @ResetHandler
  void reset() {
    table.clear();
  }
}
