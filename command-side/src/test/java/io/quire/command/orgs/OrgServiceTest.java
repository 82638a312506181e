package io.quire.command.orgs;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quire.command.testing.H2Database;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.OrgId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Org creation's slug claim, on H2 in PostgreSQL mode with the shipped migration and a stand-in for
 * the command gateway (the real commit of claim and events together is the API's integration tests'
 * to show on PostgreSQL).
 */
class OrgServiceTest {

  private final H2Database database = H2Database.withMigration("V2");
  private final CommandGateway commands = mock(CommandGateway.class);

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void creatingAnOrgClaimsItsSlugAndSendsTheCommandInTheSameTransaction() {
    List<String> seenBySender = new ArrayList<>();
    doAnswer(
            call -> {
              assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
              CreateOrgCommand command = call.getArgument(0);
              seenBySender.add(slugs().idOf(command.slug()).map(OrgId::toString).orElse("none"));
              return null;
            })
        .when(commands)
        .sendAndWait(any());

    OrgId id = service().create("acme", "Acme Corp", ALICE);

    verify(commands).sendAndWait(new CreateOrgCommand(id, "acme", "Acme Corp", ALICE));
    assertThat(seenBySender).containsExactly(id.toString());
    assertThat(slugs().idOf("acme")).contains(id);
    assertThat(
            database
                .jdbc()
                .queryForObject(
                    "select claimed_at from org_slugs where slug = 'acme'", OffsetDateTime.class))
        .isEqualTo(NOW.atOffset(ZoneOffset.UTC));
  }

  @Test
  void aTakenSlugIsRefusedAndNoCommandIsSent() {
    OrgId first = service().create("acme", "Acme Corp", ALICE);

    assertThatThrownBy(() -> service().create("acme", "Another Acme", BOB))
        .isInstanceOf(SlugTakenException.class)
        .hasMessageContaining("acme");

    verify(commands).sendAndWait(new CreateOrgCommand(first, "acme", "Acme Corp", ALICE));
    verify(commands).sendAndWait(any()); // that one only
    assertThat(slugs().idOf("acme")).contains(first);
  }

  @Test
  void aSlugClaimedSinceTheCheckIsRefusedBeforeTheCommandIsSent() {
    OrgId first = service().create("acme", "Acme Corp", ALICE);
    OrgSlugs blindToClaims =
        new OrgSlugs(database.jdbc()) {
          @Override
          boolean isTaken(String slug) {
            return false; // as if the other claim came in right after the check
          }
        };
    OrgService racing =
        new OrgService(blindToClaims, commands, database.transactionManager(), CLOCK);

    assertThatThrownBy(() -> racing.create("acme", "Another Acme", BOB))
        .isInstanceOf(SlugTakenException.class);

    verify(commands).sendAndWait(new CreateOrgCommand(first, "acme", "Acme Corp", ALICE));
    verify(commands).sendAndWait(any()); // that one only
    assertThat(slugs().idOf("acme")).contains(first);
  }

  @Test
  void whenTheCommandFailsTheSlugStaysFree() {
    doThrow(new IllegalArgumentException("An org needs a name.")).when(commands).sendAndWait(any());

    assertThatThrownBy(() -> service().create("acme", " ", ALICE))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(slugs().idOf("acme")).isEmpty();
  }

  @Test
  void anInvalidSlugIsRefusedWithoutAClaim() {
    assertThatThrownBy(() -> service().create("Not A Slug", "Acme Corp", ALICE))
        .isInstanceOf(IllegalArgumentException.class);

    verify(commands, never()).sendAndWait(any());
    assertThat(database.jdbc().queryForObject("select count(*) from org_slugs", Integer.class))
        .isZero();
  }

  @Test
  void anUnknownSlugNamesNoOrg() {
    assertThat(slugs().idOf("nobody-here")).isEmpty();
  }

  private OrgSlugs slugs() {
    return new OrgSlugs(database.jdbc());
  }

  private OrgService service() {
    return new OrgService(slugs(), commands, database.transactionManager(), CLOCK);
  }
}
