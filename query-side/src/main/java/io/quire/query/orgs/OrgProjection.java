package io.quire.query.orgs;

import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code org_view} (one row per org, with its member count and version) and {@code
 * org_member_view} (one row per membership) from the org aggregate's events.
 *
 * <p>Runs in a subscribing processor: each handler runs in the transaction that appends the event,
 * so reads after a command see its effect, and a handler that throws rolls the command back. Each
 * event is applied once, in order, guarded by {@code org_view.version} (see {@link VersionedRows}):
 * a replayed event changes nothing, a lost one is an error.
 */
@Component
@ProcessingGroup(OrgProjection.PROCESSING_GROUP)
public class OrgProjection {

  /** The processing group (and the read model's name in the projections admin API). */
  public static final String PROCESSING_GROUP = "orgs";

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows orgs;

  public OrgProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.orgs = new VersionedRows(jdbc, "org_view", "org_id");
  }

  @EventHandler
  void on(OrgCreatedEvent event, @SequenceNumber long sequence) {
    if (!orgs.isNew(event.orgId().value())) {
      return;
    }
    jdbc.update(
        """
        INSERT INTO org_view (org_id, slug, name, created_at, member_count, version)
        VALUES (:orgId, :slug, :name, :createdAt, 0, :version)
        """,
        new MapSqlParameterSource("orgId", event.orgId().value())
            .addValue("slug", event.slug())
            .addValue("name", event.name())
            .addValue("createdAt", SqlValues.timestamp(event.createdAt()))
            .addValue("version", sequence + 1));
  }

  @EventHandler
  void on(MemberAddedEvent event, @SequenceNumber long sequence) {
    if (!changeOrg(event.orgId(), sequence, "member_count = member_count + 1")) {
      return;
    }
    jdbc.update(
        """
        INSERT INTO org_member_view (org_id, user_id, role, joined_at)
        VALUES (:orgId, :userId, :role, :joinedAt)
        """,
        new MapSqlParameterSource("orgId", event.orgId().value())
            .addValue("userId", event.userId().value())
            .addValue("role", event.role().wireName())
            .addValue("joinedAt", SqlValues.timestamp(event.joinedAt())));
  }

  @EventHandler
  void on(MemberRoleChangedEvent event, @SequenceNumber long sequence) {
    if (!changeOrg(event.orgId(), sequence, "")) {
      return;
    }
    int updated =
        jdbc.update(
            "UPDATE org_member_view SET role = :role WHERE org_id = :orgId AND user_id = :userId",
            new MapSqlParameterSource("orgId", event.orgId().value())
                .addValue("userId", event.userId().value())
                .addValue("role", event.role().wireName()));
    requireMembership(updated, event.orgId(), event);
  }

  @EventHandler
  void on(MemberRemovedEvent event, @SequenceNumber long sequence) {
    if (!changeOrg(event.orgId(), sequence, "member_count = member_count - 1")) {
      return;
    }
    int deleted =
        jdbc.update(
            "DELETE FROM org_member_view WHERE org_id = :orgId AND user_id = :userId",
            new MapSqlParameterSource("orgId", event.orgId().value())
                .addValue("userId", event.userId().value()));
    requireMembership(deleted, event.orgId(), event);
  }

  /** Empties the read model before a replay. */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM org_member_view");
    jdbc.getJdbcTemplate().update("DELETE FROM org_view");
  }

  /** Applies event {@code sequence} to the org's row; false if it was applied before. */
  private boolean changeOrg(OrgId orgId, long sequence, String assignments) {
    return orgs.update(orgId.value(), sequence, assignments, new MapSqlParameterSource());
  }

  private static void requireMembership(int rows, OrgId orgId, Object event) {
    if (rows != 1) {
      throw new IllegalStateException(
          "org_member_view has no membership for "
              + event.getClass().getSimpleName()
              + " in org "
              + orgId
              + ": events are missing");
    }
  }
}
