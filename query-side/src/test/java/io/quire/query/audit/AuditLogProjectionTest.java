package io.quire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit log's index: a row per stored event, with the org it belongs to. */
class AuditLogProjectionTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final AuditLogProjection projection = new AuditLogProjection(db.jdbc());
  private final OrgId acme = OrgId.random();
  private final UserId ada = UserId.of("00000000-0000-0000-0000-00000000000a");

  @AfterEach
  void close() {
    db.close();
  }

  /** Stores the event and hands it to the projection, as Axon does within one transaction. */
  private void append(long globalIndex, String type, String id, long sequence, Object payload) {
    DomainEventMessage<Object> event =
        store.store(globalIndex, type, id, sequence, payload, T0.plusSeconds(globalIndex));
    projection.on(payload, event);
  }

  private List<Map<String, Object>> rows() {
    return db.jdbc()
        .getJdbcTemplate()
        .queryForList("SELECT global_index, org_id, type FROM audit_event ORDER BY global_index");
  }

  @Test
  void anEventThatNamesItsOrgIsIndexedUnderIt() {
    ExportId export = ExportId.random();

    append(7, "Export", export.toString(), 0, requested(export));

    assertThat(rows())
        .containsExactly(
            Map.of("global_index", 7L, "org_id", acme.value(), "type", "export.requested"));
  }

  @Test
  void aLaterEventThatNamesNoOrgBelongsToTheOrgOfItsAggregatesFirstEvent() {
    ExportId export = ExportId.random();
    append(1, "Export", export.toString(), 0, requested(export));

    append(2, "Export", export.toString(), 1, new ExportCompletedEvent(export, 3, T0));

    assertThat(rows().get(1))
        .containsEntry("org_id", acme.value())
        .containsEntry("type", "export.completed");
  }

  @Test
  void anEventOfNoOrgIsIndexedWithoutOne() {
    ArticleId article = ArticleId.random();

    append(
        3,
        "Article",
        article.toString(),
        0,
        new ArticleDraftedEvent(article, "T", "B", List.of(), ada, T0));

    assertThat(rows().get(0).get("org_id")).isNull();
  }

  @Test
  void anEventMissingFromTheEventStoreFailsTheWrite() {
    ExportId export = ExportId.random();
    DomainEventMessage<Object> notStored =
        new org.axonframework.eventhandling.GenericDomainEventMessage<>(
            "Export", export.toString(), 0, requested(export));

    assertThatThrownBy(() -> projection.on(requested(export), notStored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(export.toString());
    assertThat(rows()).isEmpty();
  }

  @Test
  void aReplayNeverEmptiesTheIndexWhichHoldsTheCommitPositionsAndSeals() {
    assertThat(AuditLogProjection.class.getDeclaredMethods())
        .noneMatch(method -> method.isAnnotationPresent(ResetHandler.class));
  }

  private ExportRequestedEvent requested(ExportId export) {
    return new ExportRequestedEvent(export, acme, ExportFormat.CSV, null, ada, T0);
  }
}
