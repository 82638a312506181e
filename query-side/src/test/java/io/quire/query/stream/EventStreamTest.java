package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stamper on the embedded database: in the background it steps aside for another stamper. */
class EventStreamTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final EventStream stream = new EventStream(dataSource);

  @AfterEach
  void close() {
    db.close();
  }

  private void anEventCommits(long globalIndex) {
    UserId user = UserId.of(UUID.randomUUID().toString());
    store.store(
        globalIndex, "User", user.toString(), 0, new UserRegisteredEvent(user, "u", false, T0), T0);
    store.index(globalIndex, null, "user.registered", T0);
  }

  @Test
  void inTheBackgroundItStepsAsideWhileAnotherStamperHoldsTheLock() throws Exception {
    anEventCommits(1);
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      assertThat(Stamper.lockHead(other, false)).isPresent();

      assertThat(stream.stamp(true)).isFalse();
      other.rollback();
    }

    assertThat(stream.stamp(true)).isTrue();
    assertThat(stream.head().position()).isEqualTo(1);
  }

  @Test
  void stampingsAreTimedByHowTheyEndedAndTheStampedEventsAndHeadAreCounted() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventStream metered =
        new EventStream(
            dataSource, Duration.ZERO, Duration.ofSeconds(15), new StreamMetrics(registry));
    anEventCommits(1);
    anEventCommits(2);
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      assertThat(Stamper.lockHead(other, false)).isPresent();
      assertThat(metered.stamp(true)).isFalse();
      other.rollback();
    }

    metered.catchUp();
    metered.head();

    assertThat(stampings(registry, "background", "busy")).isEqualTo(1);
    assertThat(stampings(registry, "read", "stamped")).isEqualTo(1);
    assertThat(registry.get("quire.stream.stamped").counter().count()).isEqualTo(2);
    assertThat(registry.get("quire.stream.head.position").gauge().value()).isEqualTo(2);
  }

  private static long stampings(SimpleMeterRegistry registry, String trigger, String outcome) {
    return registry
        .get("quire.stream.stampings")
        .tag("trigger", trigger)
        .tag("outcome", outcome)
        .timer()
        .count();
  }

  @Test
  void aCatchUpWithNothingToStampRunsOneStatement() {
    assertThat(stream.head().position()).isZero();
    anEventCommits(1);
    anEventCommits(2);

    stream.catchUp();
    int statements = db.statementsDuring(stream::catchUp);

    assertThat(stream.head().position()).isEqualTo(2);
    assertThat(statements)
        .as("one probe for unstamped events, no lock, no transaction")
        .isEqualTo(1);
  }
}
