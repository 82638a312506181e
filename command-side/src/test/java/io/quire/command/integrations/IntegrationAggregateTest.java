package io.quire.command.integrations;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.EVE;
import static io.quire.command.testing.Fixtures.GLOBEX;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static io.quire.kernel.orgs.Role.MEMBER;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.integrations.CreateIntegrationCommand;
import io.quire.kernel.integrations.IntegrationCreatedEvent;
import io.quire.kernel.integrations.IntegrationId;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** In Acme, Alice is an admin and Bob a member; Eve is an admin of Globex only. */
class IntegrationAggregateTest {

  private static final IntegrationId TRACKER =
      new IntegrationId(UUID.fromString("0d000000-0000-4000-8000-000000000001"));
  private static final String SEALED = "v1.c2VhbGVk";

  private AggregateTestFixture<Integration> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Integration.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(
        new InMemoryMembershipLookup()
            .with(ACME, ALICE, ADMIN)
            .with(ACME, BOB, MEMBER)
            .with(GLOBEX, EVE, ADMIN));
  }

  @Test
  void anAdminRegistersAnIntegrationWithItsSealedSecret() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, "Tracker", SEALED, ALICE))
        .expectEvents(new IntegrationCreatedEvent(TRACKER, ACME, "Tracker", SEALED, ALICE, NOW));
  }

  @Test
  void aMemberCannotRegisterAnIntegration() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, "Tracker", SEALED, BOB))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void anAdminOfAnotherOrgCannotRegisterAnIntegration() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, "Tracker", SEALED, EVE))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void anIntegrationNeedsAName(String name) {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, name, SEALED, ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void anIntegrationsNameHasAtMost100Characters() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, "x".repeat(101), SEALED, ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void anIntegrationNeedsASealedSecret() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationCommand(TRACKER, ACME, "Tracker", null, ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }
}
