package io.quire.query.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.accounts.UserSummary;
import io.quire.query.testing.ReadModelDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserDirectoryProjectionTest {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final UserDirectoryProjection projection = new UserDirectoryProjection(db.jdbc());
  private final UserId ada = UserId.of("6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aRegisteredUserIsFoundByIdWithTheirUsername() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    assertThat(projection.handle(new FindUserQuery(ada))).contains(new UserSummary(ada, "ada"));
  }

  @Test
  void replayingAnEventLeavesTheSameRow() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    assertThat(db.rows("user_directory")).isEqualTo(1);
    assertThat(projection.handle(new FindUserQuery(ada))).contains(new UserSummary(ada, "ada"));
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(projection.handle(new FindUserQuery(ada))).isEmpty();
  }

  @Test
  void aResetEmptiesTheDirectoryBeforeAReplay() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    projection.reset();

    assertThat(db.rows("user_directory")).isZero();
  }
}
