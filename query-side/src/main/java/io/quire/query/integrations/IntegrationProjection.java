package io.quire.query.integrations;

import io.quire.kernel.integrations.IntegrationCreatedEvent;
import io.quire.query.sql.SqlValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code integration_view}, one row per integration, without its secret. Subscribing, so the
 * list shows an integration as soon as its creation has answered; a replayed event changes nothing.
 */
@Component
@ProcessingGroup(IntegrationProjection.PROCESSING_GROUP)
public class IntegrationProjection {

  public static final String PROCESSING_GROUP = "integrations";

  private final NamedParameterJdbcTemplate jdbc;

  public IntegrationProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(IntegrationCreatedEvent event) {
    jdbc.update(
        """
        INSERT INTO integration_view (integration_id, org_id, name, created_at)
        SELECT :integrationId, :orgId, :name, :createdAt
        WHERE NOT EXISTS (SELECT 1 FROM integration_view WHERE integration_id = :integrationId)
        """,
        new MapSqlParameterSource("integrationId", event.integrationId().value())
            .addValue("orgId", event.orgId().value())
            .addValue("name", event.name())
            .addValue("createdAt", SqlValues.timestamp(event.createdAt())));
  }

  /** Empties the read model before a replay. */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM integration_view");
  }
}
