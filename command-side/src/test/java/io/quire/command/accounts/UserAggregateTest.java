package io.quire.command.accounts;

import io.quire.kernel.accounts.RegisterUserCommand;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAggregateTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final UserId id = new UserId(UUID.fromString("6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f"));
  private AggregateTestFixture<User> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(User.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void registeringAUserRecordsItsNameAndTheTime() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(id, "alice", false))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new UserRegisteredEvent(id, "alice", false, NOW));
  }

  @Test
  void staffIsRecordedInTheEvent() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(id, "root", true))
        .expectEvents(new UserRegisteredEvent(id, "root", true, NOW));
  }

  @Test
  void anInvalidUsernameIsRejectedWithNoEvent() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(id, "no spaces allowed", false))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aUserIsRegisteredOnlyOnce() {
    fixture
        .given(new UserRegisteredEvent(id, "alice", false, NOW))
        .when(new RegisterUserCommand(id, "alice", false))
        .expectException(Exception.class)
        .expectNoEvents();
  }
}
