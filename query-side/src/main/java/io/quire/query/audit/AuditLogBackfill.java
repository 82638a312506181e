package io.quire.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.query.events.EventTypes;
import io.quire.query.sql.TransactionalJavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V15: writes {@code audit_event} rows (V14) for the events stored before the audit log
 * existed, as {@link AuditLogProjection} writes them for new events: the org from the payload's
 * {@code orgId} for {@link OrgScoped} events, otherwise the org of the aggregate's first event.
 * (Their commit positions and seals come from V17, {@code EventStreamBackfill}.) It reads the event
 * store in batches by global index, so its memory does not grow with the store; on a store of a
 * million events it takes about a minute, once, inside Flyway's transaction.
 *
 * <p>Spring Boot hands every {@link JavaMigration} bean to Flyway; this one runs for either vendor.
 */
@Component
public class AuditLogBackfill extends TransactionalJavaMigration {

  private static final int BATCH = 1000;

  private final ObjectMapper json = new ObjectMapper();

  public AuditLogBackfill() {
    super("15", "audit log backfill");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    long after = 0;
    int read;
    do {
      read = 0;
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT global_index, payload_type, payload, time_stamp FROM domain_event_entry"
                      + " WHERE global_index > ? ORDER BY global_index LIMIT "
                      + BATCH);
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO audit_event (global_index, org_id, type, occurred_at)"
                      + " VALUES (?, ?, ?, ?)")) {
        select.setLong(1, after);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            read++;
            after = rows.getLong("global_index");
            String payloadType = rows.getString("payload_type");
            OffsetDateTime at =
                Instant.parse(rows.getString("time_stamp")).atOffset(ZoneOffset.UTC);
            insert.setLong(1, after);
            UUID orgId = orgId(payloadType, rows.getBytes("payload"));
            if (orgId == null) {
              insert.setNull(2, Types.OTHER);
            } else {
              insert.setObject(2, orgId);
            }
            insert.setString(3, EventTypes.typeName(simpleName(payloadType)));
            insert.setObject(4, at);
            insert.addBatch();
          }
        }
        if (read > 0) {
          insert.executeBatch();
        }
      }
    } while (read == BATCH);
    try (Statement update = connection.createStatement()) {
      update.executeUpdate(
          """
          UPDATE audit_event SET org_id = (
            SELECT f.org_id
            FROM domain_event_entry e
            JOIN domain_event_entry first_event
              ON first_event.aggregate_identifier = e.aggregate_identifier
             AND first_event.sequence_number = 0
            JOIN audit_event f ON f.global_index = first_event.global_index
            WHERE e.global_index = audit_event.global_index)
          WHERE org_id IS NULL
          """);
    }
  }

  /** The org an {@link OrgScoped} event names, from its stored JSON; null for any other event. */
  private UUID orgId(String payloadType, byte[] payload) throws java.io.IOException, SQLException {
    Class<?> type;
    try {
      type = Class.forName(payloadType);
    } catch (ClassNotFoundException e) {
      return null;
    }
    if (!OrgScoped.class.isAssignableFrom(type)) {
      return null;
    }
    JsonNode orgId = json.readTree(payload).get("orgId");
    return orgId == null || !orgId.isTextual() ? null : UUID.fromString(orgId.asText());
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
