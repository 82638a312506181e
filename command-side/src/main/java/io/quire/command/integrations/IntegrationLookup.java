package io.quire.command.integrations;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import java.util.Optional;

/**
 * The integrations as the command side knows them: their org and sealed secret, for verifying
 * deliveries. The table {@code integration_lookup}, written by {@link IntegrationLookupUpdater} in
 * the transaction that creates the integration, so a sender can deliver as soon as the creation has
 * answered.
 */
public interface IntegrationLookup {

  /** The integration's org and sealed secret, empty for an unknown id. */
  Optional<Entry> find(IntegrationId id);

  /** One integration. */
  record Entry(IntegrationId integrationId, OrgId orgId, String sealedSecret) {}
}
