package io.quire.command.accounts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.privacy.PersonalDataKeys;
import io.quire.kernel.accounts.EraseUserPersonalDataCommand;
import io.quire.kernel.accounts.RegisterUserCommand;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.accounts.UserRegisteredEvent;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user of Quire. Its events carry no credentials and no e-mail address. */
@Aggregate
public class User {

  @SuppressWarnings("unused") // read by Axon, which routes commands by it
  @AggregateIdentifier
  private UserId id;

  private boolean erased;

  protected User() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public User(RegisterUserCommand command, Clock clock) {
    if (!UsernamePolicy.isValid(command.username())) {
      throw new IllegalArgumentException("Not a valid username: " + command.username());
    }
    apply(
        new UserRegisteredEvent(
            command.userId(), command.username(), command.staff(), clock.instant()));
  }

  /**
   * Erases the user's personal data: destroys their key (in the command's transaction, so a command
   * that fails keeps it), then records the erasure, once. Erasing again changes nothing.
   */
  @CommandHandler
  void handle(EraseUserPersonalDataCommand command, PersonalDataKeys keys, Clock clock) {
    if (erased) {
      return;
    }
    keys.erase(id.toString());
    apply(new UserPersonalDataErasedEvent(id, command.actor(), clock.instant()));
  }

  @EventSourcingHandler
  void on(UserRegisteredEvent event) {
    this.id = event.userId();
  }

  @EventSourcingHandler
  void on(UserPersonalDataErasedEvent event) {
    this.erased = true;
  }
}
