package io.quire.command.integrations;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.orgs.MembershipLookup;
import io.quire.command.testing.H2Database;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.Role;
import java.security.SecureRandom;
import java.time.Clock;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registering an integration through {@link IntegrationService} in a real (in-memory) Axon setup,
 * with {@link IntegrationLookupUpdater} in a subscribing processor writing the application's own
 * {@code integration_lookup} table (H2, from the shipped migration): the secret is answered once in
 * the clear, and the lookup holds it only sealed, ready for the first delivery.
 */
class IntegrationLookupWiringTest {

  private static final byte[] KEY = new byte[32];

  private final H2Database database = H2Database.withMigration("V7");
  private final IntegrationLookupTable lookup = new IntegrationLookupTable(database.jdbc());
  private final SecretBox box = new SecretBox(KEY, new SecureRandom());
  private Configuration axon;
  private IntegrationService integrations;

  @BeforeEach
  void startAxon() {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Integration.class)
            .registerComponent(
                MembershipLookup.class,
                c ->
                    new InMemoryMembershipLookup()
                        .with(ACME, ALICE, Role.ADMIN)
                        .with(ACME, BOB, Role.MEMBER))
            .registerComponent(Clock.class, c -> CLOCK);
    configurer
        .eventProcessing()
        .registerSubscribingEventProcessor(IntegrationLookupUpdater.PROCESSING_GROUP)
        .registerEventHandler(c -> new IntegrationLookupUpdater(lookup));
    axon = configurer.buildConfiguration();
    axon.start();
    integrations =
        new IntegrationService(axon.commandGateway(), new WebhookSecrets(new SecureRandom()), box);
  }

  @AfterEach
  void stop() {
    axon.shutdown();
    database.shutdown();
  }

  @Test
  void aNewIntegrationIsInTheLookupAtOnceWithItsSecretSealedForIt() {
    IntegrationService.Created created = integrations.create(ACME, "Tracker", ALICE);

    IntegrationLookup.Entry entry = lookup.find(created.integrationId()).orElseThrow();

    assertThat(entry.orgId()).isEqualTo(ACME);
    assertThat(entry.sealedSecret()).doesNotContain(created.secret());
    assertThat(box.open(entry.sealedSecret(), created.integrationId().toString()))
        .isEqualTo(created.secret());
    assertThat(created.secret()).startsWith("whsec_");
  }

  @Test
  void everyIntegrationGetsASecretOfItsOwn() {
    IntegrationService.Created first = integrations.create(ACME, "One", ALICE);
    IntegrationService.Created second = integrations.create(ACME, "Two", ALICE);

    assertThat(first.secret()).isNotEqualTo(second.secret());
    assertThat(lookup.find(first.integrationId())).isPresent();
    assertThat(lookup.find(second.integrationId())).isPresent();
  }

  @Test
  void aMemberWhoIsNoAdminRegistersNothing() {
    assertThatThrownBy(() -> integrations.create(ACME, "Tracker", BOB))
        .isInstanceOf(PermissionDeniedException.class);

    assertThat(
            database.jdbc().queryForObject("select count(*) from integration_lookup", Long.class))
        .isZero();
  }

  @Test
  void anUnknownIntegrationIsNotFound() {
    assertThat(lookup.find(IntegrationId.random())).isEmpty();
  }

  @Test
  void writingAnIntegrationAgainReplacesItsRowAndAResetForgetsEveryRow() {
    IntegrationId id = IntegrationId.random();
    lookup.put(id, ACME, "v1.first");
    lookup.put(id, GLOBEX, "v1.second");

    assertThat(lookup.find(id))
        .hasValueSatisfying(
            entry -> {
              assertThat(entry.orgId()).isEqualTo(GLOBEX);
              assertThat(entry.sealedSecret()).isEqualTo("v1.second");
            });

    new IntegrationLookupUpdater(lookup).reset();

    assertThat(lookup.find(id)).isEmpty();
  }
}
