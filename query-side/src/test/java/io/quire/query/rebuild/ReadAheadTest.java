package io.quire.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.upcasting.KernelUpcasters;
import io.quire.query.rebuild.HistoryPages.PositionedEvent;
import io.quire.query.stream.EventStream;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import io.quire.testsupport.StoredEventFixtures;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The next page of history, read ahead on a connection of its own, is the page asked for. */
class ReadAheadTest {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
  private final HistoryPages history =
      new HistoryPages(StoredEvents.SERIALIZER, KernelUpcasters.chain());
  private final ReadAhead ahead = new ReadAhead(dataSource, history);
  private final List<StoredEventFixtures.Row> rows =
      StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG);

  @AfterEach
  void close() {
    ahead.close();
    db.close();
  }

  @Test
  void aPageReadAheadIsThePageAskedFor() throws Exception {
    store();

    try (Connection connection = dataSource.getConnection()) {
      ahead.start(0, 5);
      assertThat(positions(ahead.page(connection, 0, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
      ahead.start(5, 9);
      assertThat(positions(ahead.page(connection, 5, 9)))
          .isEqualTo(positions(history.read(connection, 5, 9)));
    }
  }

  @Test
  void anotherPageThanTheOneReadAheadIsReadNow() throws Exception {
    store();

    try (Connection connection = dataSource.getConnection()) {
      ahead.start(0, 5);
      assertThat(positions(ahead.page(connection, 2, 4))).containsExactly(3L, 4L);
      assertThat(positions(ahead.page(connection, 0, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
  }

  private void store() {
    StoredEvents store = new StoredEvents(db.jdbc());
    for (int i = 0; i < rows.size(); i++) {
      store.storeAsStored(i + 1L, rows.get(i));
      store.index(i + 1L, null, rows.get(i).payloadName(), Instant.parse("2026-03-01T12:00:00Z"));
    }
    new EventStream(dataSource).catchUp();
  }

  private static List<Long> positions(List<PositionedEvent> events) {
    return events.stream().map(PositionedEvent::position).toList();
  }
}
