package io.quire.query.integrations;

import io.quire.kernel.integrations.FindIntegrationQuery;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.integrations.IntegrationPage;
import io.quire.kernel.integrations.IntegrationView;
import io.quire.kernel.integrations.ListIntegrationsQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.webhooks.ListReceiptsQuery;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiptPage;
import io.quire.kernel.webhooks.ReceiptView;
import io.quire.kernel.webhooks.WebhookOutcome;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlValues;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the integration and receipt queries from {@code integration_view} and {@code
 * webhook_receipt_view}: one statement for a page, one for its count. Both lists are newest first,
 * ties broken by id. Receipts are listed only for an integration of the asking org.
 */
@Component
public class IntegrationQueries {

  private static final RowMapper<IntegrationView> INTEGRATION =
      (row, n) ->
          new IntegrationView(
              new IntegrationId(SqlValues.uuid(row, "integration_id")),
              new OrgId(SqlValues.uuid(row, "org_id")),
              row.getString("name"),
              SqlValues.instant(row, "created_at"));

  private static final RowMapper<ReceiptView> RECEIPT =
      (row, n) ->
          new ReceiptView(
              new ReceiptId(SqlValues.uuid(row, "receipt_id")),
              row.getString("event_id"),
              row.getString("type"),
              SqlValues.instant(row, "received_at"),
              WebhookOutcome.valueOf(row.getString("outcome").toUpperCase(Locale.ROOT)),
              row.getLong("deliveries"));

  private final NamedParameterJdbcTemplate jdbc;

  public IntegrationQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of the org's integrations, newest first. */
  @QueryHandler
  public IntegrationPage handle(ListIntegrationsQuery query) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params =
        new MapSqlParameterSource("orgId", query.orgId().value())
            .addValue("limit", window.limit())
            .addValue("offset", window.offset());
    return new IntegrationPage(
        count("SELECT COUNT(*) FROM integration_view WHERE org_id = :orgId", params),
        jdbc.query(
            """
            SELECT integration_id, org_id, name, created_at FROM integration_view
            WHERE org_id = :orgId ORDER BY created_at DESC, integration_id DESC
            LIMIT :limit OFFSET :offset
            """,
            params,
            INTEGRATION));
  }

  /** One integration of the org; empty for an unknown one or another org's. */
  @QueryHandler
  public Optional<IntegrationView> handle(FindIntegrationQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            """
            SELECT integration_id, org_id, name, created_at FROM integration_view
            WHERE integration_id = :integrationId AND org_id = :orgId
            """,
            new MapSqlParameterSource("integrationId", query.integrationId().value())
                .addValue("orgId", query.orgId().value()),
            INTEGRATION));
  }

  /** A page of the integration's receipts, newest first; empty for another org's integration. */
  @QueryHandler
  public ReceiptPage handle(ListReceiptsQuery query) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params =
        new MapSqlParameterSource("integrationId", query.integrationId().value())
            .addValue("orgId", query.orgId().value())
            .addValue("limit", window.limit())
            .addValue("offset", window.offset());
    return new ReceiptPage(
        count(
            "SELECT COUNT(*) FROM webhook_receipt_view"
                + " WHERE integration_id = :integrationId AND org_id = :orgId",
            params),
        jdbc.query(
            """
            SELECT receipt_id, event_id, type, received_at, outcome, deliveries
            FROM webhook_receipt_view
            WHERE integration_id = :integrationId AND org_id = :orgId
            ORDER BY received_at DESC, receipt_id DESC
            LIMIT :limit OFFSET :offset
            """,
            params,
            RECEIPT));
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long count = jdbc.queryForObject(sql, params, Long.class);
    return count == null ? 0 : count;
  }
}
