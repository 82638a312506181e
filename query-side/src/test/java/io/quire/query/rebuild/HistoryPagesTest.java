package io.quire.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.upcasting.KernelUpcasters;
import io.quire.query.rebuild.HistoryPages.PositionedEvent;
import io.quire.query.rebuild.HistoryPages.UnreadableEventException;
import io.quire.query.stream.EventStream;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import io.quire.testsupport.StoredEventFixtures;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild reads the store in commit order, a range of positions at a time, each event at its
 * current revision: here the committed rows of an earlier server (revision 1).
 */
class HistoryPagesTest {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final HistoryPages pages =
      new HistoryPages(StoredEvents.SERIALIZER, KernelUpcasters.chain());
  private final List<StoredEventFixtures.Row> rows =
      StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eventsAreReadInCommitOrderAtTheirCurrentRevision() throws Exception {
    storeAndStamp();

    List<PositionedEvent> events;
    try (Connection connection = dataSource.getConnection()) {
      events = pages.read(connection, 0, rows.size());
    }

    assertThat(events)
        .extracting(PositionedEvent::position)
        .containsExactly(positions(1, rows.size()));
    assertThat(events)
        .extracting(e -> e.message().getPayloadType().getName())
        .containsExactlyElementsOf(
            rows.stream().map(StoredEventFixtures.Row::payloadType).toList());
    assertThat(events)
        .filteredOn(e -> e.message().getPayload() instanceof TaskCreatedEvent)
        .isNotEmpty()
        .allSatisfy(
            e -> assertThat(e.message().getPayloadType()).isEqualTo(TaskCreatedEvent.class));
  }

  @Test
  void aPageIsARangeOfPositions() throws Exception {
    storeAndStamp();

    try (Connection connection = dataSource.getConnection()) {
      assertThat(pages.read(connection, 3, 5))
          .extracting(PositionedEvent::position)
          .containsExactly(4L, 5L);
      assertThat(pages.read(connection, rows.size(), rows.size() + 10)).isEmpty();
    }
  }

  @Test
  void aRowThatCannotBeReadIsReportedWithItsPosition() throws Exception {
    storeAndStamp();
    db.jdbc()
        .getJdbcTemplate()
        .update(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = 1",
            "{\"userId\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    try (Connection connection = dataSource.getConnection()) {
      assertThatThrownBy(() -> pages.read(connection, 0, 3))
          .isInstanceOfSatisfying(
              UnreadableEventException.class,
              unreadable -> {
                assertThat(unreadable.position).isEqualTo(1);
                assertThat(unreadable.globalIndex).isEqualTo(1);
              });
    }
  }

  @Test
  void anEventOfATypeThisServerDoesNotKnowIsReadAsUnknown() throws Exception {
    storeAndStamp();
    db.jdbc()
        .getJdbcTemplate()
        .update(
            "UPDATE domain_event_entry SET payload_type = 'io.quire.kernel.Gone' WHERE global_index = 2");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(pages.read(connection, 1, 2).get(0).message().getPayloadType())
          .isEqualTo(UnknownSerializedType.class);
    }
  }

  private void storeAndStamp() {
    for (int i = 0; i < rows.size(); i++) {
      store.storeAsStored(i + 1L, rows.get(i));
      store.index(i + 1L, null, rows.get(i).payloadName(), Instant.parse("2026-03-01T12:00:00Z"));
    }
    new EventStream(dataSource).catchUp();
  }

  private static Long[] positions(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toArray(Long[]::new);
  }
}
