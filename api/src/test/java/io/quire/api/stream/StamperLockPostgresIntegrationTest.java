package io.quire.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.query.stream.EventStream;
import io.quire.query.stream.Stamper;
import io.quire.query.testing.StoredEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The stamper's lock on PostgreSQL, in a database of this test's own: a stamper that stops while it
 * holds the lock (its server paused with {@code kill -STOP}, say) is ended by the database and the
 * next one stamps; a reader that cannot get the lock in time answers from what is stamped.
 */
class StamperLockPostgresIntegrationTest {

  private static DataSource database;

  private long nextIndex;

  @BeforeEach
  void anEmptyStore() {
    synchronized (StamperLockPostgresIntegrationTest.class) {
      if (database == null) {
        database = OwnDatabase.migrated("stamper");
      }
    }
    new JdbcTemplate(database)
        .execute(
            "TRUNCATE domain_event_entry, audit_event;"
                + " UPDATE event_stream_head SET position = 0, seal = decode(repeat('00', 32), 'hex')");
  }

  @AfterAll
  static void forget() {
    database = null;
  }

  @Test
  void aStamperThatStopsWhileHoldingTheLockIsEndedByTheDatabaseAndTheNextOneStamps()
      throws Exception {
    anEventCommits();
    try (Connection paused = database.getConnection()) {
      paused.setAutoCommit(false);
      Stamper.limitWaits(paused, Duration.ofSeconds(30));
      assertThat(Stamper.lockHead(paused, false)).isPresent();
      // ... and its server stops here, the lock held.

      EventStream reader = new EventStream(database, Duration.ZERO, Duration.ofSeconds(30));

      assertThat(reader.head().position())
          .as("stamped once the database ended the stopped stamper's session")
          .isEqualTo(1);
      assertThatThrownBy(() -> Stamper.lockHead(paused, false)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void aReaderThatCannotGetTheLockInTimeAnswersFromWhatIsStampedAndStampsLater() throws Exception {
    EventStream impatient = new EventStream(database, Duration.ZERO, Duration.ofMillis(500));
    anEventCommits();
    impatient.catchUp();
    try (Connection operator = database.getConnection()) {
      // An operator's session holds the lock, with no time limit of the stamper's.
      operator.setAutoCommit(false);
      assertThat(Stamper.lockHead(operator, false)).isPresent();
      anEventCommits();

      assertThat(impatient.head().position()).as("what was stamped before").isEqualTo(1);
      operator.rollback();
    }

    assertThat(impatient.head().position()).isEqualTo(2);
  }

  private void anEventCommits() {
    long index = ++nextIndex;
    UserId user = UserId.of(UUID.randomUUID().toString());
    Instant at = Instant.parse("2026-03-01T12:00:00Z");
    StoredEvents store = new StoredEvents(new NamedParameterJdbcTemplate(database));
    store.store(
        index, "User", user.toString(), 0, new UserRegisteredEvent(user, "u", false, at), at);
    store.index(index, null, "user.registered", at);
  }
}
