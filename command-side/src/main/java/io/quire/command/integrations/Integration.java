package io.quire.command.integrations;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.orgs.MembershipLookup;
import io.quire.kernel.integrations.CreateIntegrationCommand;
import io.quire.kernel.integrations.IntegrationCreatedEvent;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.Role;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An org's webhook sender. Only the org's admins register one; it keeps only a sealed secret. */
@Aggregate
public class Integration {

  /** The longest name an integration may have. */
  public static final int MAX_NAME_LENGTH = 100;

  @SuppressWarnings("unused") // read by Axon, which routes commands by it
  @AggregateIdentifier
  private IntegrationId id;

  protected Integration() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Integration(CreateIntegrationCommand command, MembershipLookup memberships, Clock clock) {
    if (memberships.roleOf(command.orgId(), command.actor()).orElse(null) != Role.ADMIN) {
      throw new PermissionDeniedException("Only an org's admins may register integrations.");
    }
    if (command.name() == null
        || command.name().isBlank()
        || command.name().length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("An integration needs a name of 1 to 100 characters.");
    }
    if (command.sealedSecret() == null || command.sealedSecret().isEmpty()) {
      throw new IllegalArgumentException("An integration needs a sealed secret.");
    }
    apply(
        new IntegrationCreatedEvent(
            command.integrationId(),
            command.orgId(),
            command.name(),
            command.sealedSecret(),
            command.actor(),
            clock.instant()));
  }

  @EventSourcingHandler
  void on(IntegrationCreatedEvent event) {
    this.id = event.integrationId();
  }
}
