package io.quire.command.orgs;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.common.PermissionDeniedException;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.ChangeMemberRoleCommand;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.RemoveMemberCommand;
import io.quire.kernel.orgs.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An org and its memberships. Only admins manage members (a member may also leave), and the org
 * always keeps an admin ({@link AdminSuccessionPolicy}). Its slug is claimed in {@code org_slugs}
 * by {@link OrgService} before the org is created.
 */
@Aggregate
public class Org {

  @AggregateIdentifier private OrgId id;
  private final Map<UserId, Role> members = new HashMap<>();

  protected Org() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Org(CreateOrgCommand command, Clock clock) {
    if (!OrgSlugPolicy.isValid(command.slug())) {
      throw new IllegalArgumentException("Not a valid org slug: " + command.slug());
    }
    if (command.name() == null || command.name().isBlank()) {
      throw new IllegalArgumentException("An org needs a name.");
    }
    if (command.creator() == null) {
      throw new IllegalArgumentException("An org needs a creator.");
    }
    Instant now = clock.instant();
    apply(
        new OrgCreatedEvent(
            command.orgId(), command.slug(), command.name(), command.creator(), now));
    apply(
        new MemberAddedEvent(
            command.orgId(), command.creator(), Role.ADMIN, command.creator(), now));
  }

  /** Adds a member; answers when they joined (the API shows it even if they leave at once). */
  @CommandHandler
  public Instant handle(AddMemberCommand command, Clock clock) {
    requireUserAndRole(command.userId(), command.role());
    requireAdmin(command.actor());
    if (members.containsKey(command.userId())) {
      throw new AlreadyMemberException(command.userId());
    }
    Instant joined = clock.instant();
    apply(new MemberAddedEvent(id, command.userId(), command.role(), command.actor(), joined));
    return joined;
  }

  @CommandHandler
  public void handle(ChangeMemberRoleCommand command, Clock clock) {
    requireUserAndRole(command.userId(), command.role());
    requireAdmin(command.actor());
    Role current = members.get(command.userId());
    if (current == null) {
      throw new NotAMemberException(command.userId());
    }
    if (current == command.role()) {
      return;
    }
    AdminSuccessionPolicy.require(members, command.userId(), command.role());
    apply(
        new MemberRoleChangedEvent(
            id, command.userId(), command.role(), command.actor(), clock.instant()));
  }

  @CommandHandler
  public void handle(RemoveMemberCommand command, Clock clock) {
    if (command.userId() == null) {
      throw new IllegalArgumentException("A membership needs a user.");
    }
    boolean leaving = command.userId().equals(command.actor());
    if (!leaving && !isAdmin(command.actor())) {
      throw new PermissionDeniedException("Only an org's admins may remove other members.");
    }
    if (!members.containsKey(command.userId())) {
      throw new NotAMemberException(command.userId());
    }
    AdminSuccessionPolicy.require(members, command.userId(), null);
    apply(new MemberRemovedEvent(id, command.userId(), command.actor(), clock.instant()));
  }

  private boolean isAdmin(UserId userId) {
    return userId != null && members.get(userId) == Role.ADMIN;
  }

  private void requireAdmin(UserId actor) {
    if (!isAdmin(actor)) {
      throw new PermissionDeniedException("Only an org's admins may manage its members.");
    }
  }

  private static void requireUserAndRole(UserId userId, Role role) {
    if (userId == null || role == null) {
      throw new IllegalArgumentException("A membership needs a user and a role.");
    }
  }

  /** The members and their roles, as the events so far made them. */
  Map<UserId, Role> members() {
    return Map.copyOf(members);
  }

  @EventSourcingHandler
  void on(OrgCreatedEvent event) {
    this.id = event.orgId();
  }

  @EventSourcingHandler
  void on(MemberAddedEvent event) {
    members.put(event.userId(), event.role());
  }

  @EventSourcingHandler
  void on(MemberRoleChangedEvent event) {
    members.put(event.userId(), event.role());
  }

  @EventSourcingHandler
  void on(MemberRemovedEvent event) {
    members.remove(event.userId());
  }
}
