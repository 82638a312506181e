package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.audit.VerifySealsQuery;
import io.quire.query.testing.JavaMigrations;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V17: the events stored before commit positions existed get theirs, in global index
 * order and in batches, with seals a later verification accepts; the stamper then goes on from
 * there.
 */
class EventStreamBackfillTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();

  @AfterEach
  void close() {
    db.close();
  }

  private void aStoredUser(long globalIndex) {
    UserId user = UserId.of(String.format("00000000-0000-0000-0000-%012d", globalIndex));
    store.store(
        globalIndex,
        "User",
        user.toString(),
        0,
        new UserRegisteredEvent(user, "u" + globalIndex, false, T0),
        T0);
    store.index(globalIndex, null, "user.registered", T0);
  }

  @Test
  void storedEventsGetTheirPositionsInGlobalIndexOrderAcrossBatches() throws Exception {
    for (long index = 1; index <= 2_345; index++) {
      aStoredUser(index * 2);
    }

    migrate();
    aStoredUser(10_000);
    EventStream stream = new EventStream(dataSource);
    stream.catchUp();

    List<Long> order =
        db.jdbc()
            .getJdbcTemplate()
            .queryForList("SELECT global_index FROM audit_event ORDER BY position", Long.class);
    assertThat(order).hasSize(2_346).isSorted();
    assertThat(
            db.jdbc()
                .getJdbcTemplate()
                .queryForObject(
                    "SELECT COUNT(*) FROM audit_event WHERE position IS NULL OR seal IS NULL"
                        + " OR stream_seal IS NULL",
                    Long.class))
        .isZero();
    assertThat(stream.head().position()).isEqualTo(2_346);
    assertThat(new Seals(db.jdbc(), stream).handle(new VerifySealsQuery(null)).orElseThrow())
        .satisfies(check -> assertThat(check.firstBroken()).isNull())
        .satisfies(check -> assertThat(check.checked()).isEqualTo(2_346));
  }

  @Test
  void anEmptyStoreNeedsNothingAndARepeatedRunChangesNothing() throws Exception {
    migrate();
    aStoredUser(1);
    migrate();
    migrate();

    assertThat(new EventStream(dataSource).head().position()).isEqualTo(1);
  }

  private void migrate() throws Exception {
    JavaMigrations.run(new EventStreamBackfill(), dataSource);
  }
}
