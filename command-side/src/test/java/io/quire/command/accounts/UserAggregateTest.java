package io.quire.command.accounts;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.integrations.SecretBox;
import io.quire.command.privacy.PersonalDataKeys;
import io.quire.command.testing.H2Database;
import io.quire.kernel.accounts.EraseUserPersonalDataCommand;
import io.quire.kernel.accounts.RegisterUserCommand;
import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.accounts.UserRegisteredEvent;
import java.security.SecureRandom;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user is registered once, with a valid name; their personal data is erased once: their key
 * destroyed, the erasure recorded.
 */
class UserAggregateTest {

  private final H2Database database = H2Database.withMigration("V22");
  private final SecureRandom random = new SecureRandom();
  private PersonalDataKeys keys;
  private AggregateTestFixture<User> fixture;

  @BeforeEach
  void setUp() {
    byte[] secretKey = new byte[32];
    random.nextBytes(secretKey);
    keys = new PersonalDataKeys(database.jdbc(), new SecretBox(secretKey, random), random, CLOCK);
    fixture = new AggregateTestFixture<>(User.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(keys);
  }

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void registeringAUserRecordsItsNameAndTheTime() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(ALICE, "alice", false))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new UserRegisteredEvent(ALICE, "alice", false, NOW));
  }

  @Test
  void staffIsRecordedInTheEvent() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(ALICE, "root", true))
        .expectEvents(new UserRegisteredEvent(ALICE, "root", true, NOW));
  }

  @Test
  void anInvalidUsernameIsRejectedWithNoEvent() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUserCommand(ALICE, "no spaces allowed", false))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aUserIsRegisteredOnlyOnce() {
    fixture
        .given(new UserRegisteredEvent(ALICE, "alice", false, NOW))
        .when(new RegisterUserCommand(ALICE, "alice", false))
        .expectException(Exception.class)
        .expectNoEvents();
  }

  @Test
  void erasingAUserDestroysTheirKeyAndRecordsWhoAskedAndWhen() {
    keys.keyFor(ALICE.toString());

    fixture
        .given(new UserRegisteredEvent(ALICE, "alice", false, NOW))
        .when(new EraseUserPersonalDataCommand(ALICE, BOB))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new UserPersonalDataErasedEvent(ALICE, BOB, NOW));
    assertThat(keys.wasErased(ALICE.toString())).isTrue();
    assertThat(keys.existingKey(ALICE.toString())).isEmpty();
  }

  @Test
  void erasingAUserAgainChangesNothing() {
    fixture
        .given(
            new UserRegisteredEvent(ALICE, "alice", false, NOW),
            new UserPersonalDataErasedEvent(ALICE, BOB, NOW))
        .when(new EraseUserPersonalDataCommand(ALICE, BOB))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }
}
