package io.quire.command.orgs;

import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code org_membership_lookup} in step with the orgs' membership events. Meant to run in a
 * subscribing processor (processing group {@value #PROCESSING_GROUP}), so each write commits or
 * rolls back with the events that caused it; {@link MembershipLookupConfiguration} makes its
 * failures fail the command instead of being logged and skipped. Every write is idempotent, so
 * handling an event twice (a replay) leaves the same rows.
 */
@Component
@ProcessingGroup(MembershipLookupUpdater.PROCESSING_GROUP)
public class MembershipLookupUpdater {

  public static final String PROCESSING_GROUP = "org-membership-lookup";

  private final MembershipLookupTable table;

  MembershipLookupUpdater(MembershipLookupTable table) {
    this.table = table;
  }

  @EventHandler
  void on(MemberAddedEvent event) {
    table.put(event.orgId(), event.userId(), event.role());
  }

  @EventHandler
  void on(MemberRoleChangedEvent event) {
    table.put(event.orgId(), event.userId(), event.role());
  }

  @EventHandler
  void on(MemberRemovedEvent event) {
    table.remove(event.orgId(), event.userId());
  }

  @ResetHandler
  void reset() {
    table.clear();
  }
}
