package io.quire.command.integrations;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code integration_lookup} table: {@link IntegrationLookup}'s reads and the idempotent writes
 * of {@link IntegrationLookupUpdater}. Plain SQL that PostgreSQL and H2 both run.
 */
@Component
class IntegrationLookupTable implements IntegrationLookup {

  private final JdbcTemplate jdbc;

  IntegrationLookupTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Entry> find(IntegrationId id) {
    return jdbc
        .query(
            "select org_id, sealed_secret from integration_lookup where integration_id = ?",
            (rs, row) ->
                new Entry(
                    id,
                    new OrgId(rs.getObject("org_id", UUID.class)),
                    rs.getString("sealed_secret")),
            id.value())
        .stream()
        .findFirst();
  }

  /** Records the integration, whether or not its row exists. */
  void put(IntegrationId id, OrgId orgId, String sealedSecret) {
    int updated =
        jdbc.update(
            "update integration_lookup set org_id = ?, sealed_secret = ? where integration_id = ?",
            orgId.value(),
            sealedSecret,
            id.value());
    if (updated == 0) {
      jdbc.update(
          "insert into integration_lookup (integration_id, org_id, sealed_secret) values (?, ?, ?)",
          id.value(),
          orgId.value(),
          sealedSecret);
    }
  }

  /** Forgets every integration. */
  void clear() {
    jdbc.update("delete from integration_lookup");
  }
}
