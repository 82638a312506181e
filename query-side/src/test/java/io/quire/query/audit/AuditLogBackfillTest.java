package io.quire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.exports.ExportStartedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.testing.JavaMigrations;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Migration V15: the events stored before the audit log existed get their index rows. */
class AuditLogBackfillTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final OrgId acme = OrgId.random();
  private final UserId ada = UserId.of("00000000-0000-0000-0000-00000000000a");

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyStoredEventGetsItsRowWithItsOrgTypeAndTime() throws Exception {
    ExportId export = ExportId.random();
    store.store(1, "User", ada.toString(), 0, new UserRegisteredEvent(ada, "ada", false, T0), T0);
    store.store(
        2,
        "Org",
        acme.toString(),
        0,
        new OrgCreatedEvent(acme, "acme", "Acme", ada, T0),
        T0.plusSeconds(1));
    store.store(
        4,
        "Export",
        export.toString(),
        0,
        new ExportRequestedEvent(export, acme, ExportFormat.CSV, null, ada, T0),
        T0.plusSeconds(2));
    store.store(
        5, "Export", export.toString(), 1, new ExportStartedEvent(export, T0), T0.plusSeconds(3));

    migrate();

    List<Map<String, Object>> rows =
        db.jdbc()
            .getJdbcTemplate()
            .queryForList(
                "SELECT global_index, org_id, type, occurred_at FROM audit_event"
                    + " ORDER BY global_index");
    assertThat(rows).extracting(r -> r.get("global_index")).containsExactly(1L, 2L, 4L, 5L);
    assertThat(rows)
        .extracting(r -> r.get("type"))
        .containsExactly("user.registered", "org.created", "export.requested", "export.started");
    assertThat(rows)
        .extracting(r -> r.get("org_id"))
        .containsExactly(null, acme.value(), acme.value(), acme.value());
    assertThat(instant(rows.get(3).get("occurred_at"))).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void anEmptyEventStoreNeedsNothing() throws Exception {
    migrate();

    assertThat(db.rows("audit_event")).isZero();
  }

  @Test
  void moreEventsThanOneBatchAreAllIndexed() throws Exception {
    for (long i = 1; i <= 2500; i++) {
      UserId user = UserId.of(String.format("00000000-0000-0000-0000-%012d", i));
      store.store(
          i, "User", user.toString(), 0, new UserRegisteredEvent(user, "u" + i, false, T0), T0);
    }

    migrate();

    assertThat(db.rows("audit_event")).isEqualTo(2500);
  }

  private void migrate() throws Exception {
    JavaMigrations.run(new AuditLogBackfill(), db.jdbc().getJdbcTemplate().getDataSource());
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime at ? at.toInstant() : (Instant) value;
  }
}
