package io.quire.query.audit;

import io.quire.kernel.orgs.OrgScoped;
import io.quire.query.events.EventTypes;
import io.quire.query.sql.SqlValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code audit_event}: a row per stored event with its global index, its org, its type name
 * and its time. It runs in the transaction that appends the events (a subscribing processor), after
 * Axon has written them (the storage engine flushes before the events are published), so it reads
 * each event's global index from {@code domain_event_entry} and the table holds exactly the
 * committed events.
 *
 * <p>An event's org is the one it names ({@link OrgScoped}); an event that names none belongs to
 * the org of its aggregate's first event (an export's later events), or to no org (users, articles,
 * comments). Writing an event that is not in the event store fails the write.
 *
 * <p>Each row also carries the event's commit position and seals, stamped after the commit ({@code
 * io.quire.query.stream.Stamper}): facts of the event store that no replay could recompute (the
 * commit order is not stored anywhere else), so this projection has no reset handler and a replay
 * never empties the table.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

  public static final String PROCESSING_GROUP = "audit-log";

  private final NamedParameterJdbcTemplate jdbc;

  public AuditLogProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(Object payload, DomainEventMessage<?> event) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("aggregateId", event.getAggregateIdentifier())
            .addValue("sequence", event.getSequenceNumber())
            .addValue("type", EventTypes.typeName(payload.getClass()))
            .addValue("occurredAt", SqlValues.timestamp(event.getTimestamp()));
    SqlValues.addUuid(
        params, "orgId", payload instanceof OrgScoped scoped ? scoped.orgId().value() : null);
    int written =
        jdbc.update(
            """
            INSERT INTO audit_event (global_index, org_id, type, occurred_at)
            SELECT e.global_index,
                   COALESCE(:orgId, (SELECT f.org_id
                                     FROM domain_event_entry first_event
                                     JOIN audit_event f ON f.global_index = first_event.global_index
                                     WHERE first_event.aggregate_identifier = :aggregateId
                                       AND first_event.sequence_number = 0)),
                   :type, :occurredAt
            FROM domain_event_entry e
            WHERE e.aggregate_identifier = :aggregateId AND e.sequence_number = :sequence
            """,
            params);
    if (written != 1) {
      throw new IllegalStateException(
          "event "
              + event.getAggregateIdentifier()
              + "#"
              + event.getSequenceNumber()
              + " is not in the event store");
    }
  }
}
