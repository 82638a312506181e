package io.quire.command.exports;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.orgs.MembershipLookup;
import io.quire.kernel.exports.CompleteExportCommand;
import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportFailedEvent;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.exports.ExportStartedEvent;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.FailExportCommand;
import io.quire.kernel.exports.RequestExportCommand;
import io.quire.kernel.exports.StartExportCommand;
import io.quire.kernel.orgs.Role;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One export of an org's tasks. An admin requests it ({@code pending}); the background job starts
 * it ({@code running}) and completes it ({@code done}) or fails it ({@code failed}).
 *
 * <ul>
 *   <li>Start is allowed from {@code pending}, and from {@code running} again: after a restart the
 *       job of an export that was running is run once more from the start.
 *   <li>Complete and fail are allowed only while {@code running}; completing an export that is done
 *       already changes nothing (a job that ran twice), every other case is refused.
 * </ul>
 */
@Aggregate
public class Export {

  @AggregateIdentifier private ExportId id;
  private ExportStatus status;

  protected Export() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Export(RequestExportCommand command, MembershipLookup memberships, Clock clock) {
    if (memberships.roleOf(command.orgId(), command.actor()).orElse(null) != Role.ADMIN) {
      throw new PermissionDeniedException("Only an org's admins may export its tasks.");
    }
    if (command.format() == null) {
      throw new IllegalArgumentException("An export needs a format.");
    }
    apply(
        new ExportRequestedEvent(
            command.exportId(),
            command.orgId(),
            command.format(),
            command.statusFilter(),
            command.actor(),
            clock.instant()));
  }

  @CommandHandler
  public void handle(StartExportCommand command, Clock clock) {
    if (status != ExportStatus.PENDING && status != ExportStatus.RUNNING) {
      throw new ExportNotRunningException(id, status, "start");
    }
    apply(new ExportStartedEvent(id, clock.instant()));
  }

  @CommandHandler
  public void handle(CompleteExportCommand command, Clock clock) {
    if (status == ExportStatus.DONE) {
      return;
    }
    requireRunning("complete");
    apply(new ExportCompletedEvent(id, command.rowCount(), clock.instant()));
  }

  @CommandHandler
  public void handle(FailExportCommand command, Clock clock) {
    requireRunning("fail");
    String reason = command.reason();
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A failed export needs a reason.");
    }
    apply(new ExportFailedEvent(id, reason, clock.instant()));
  }

  private void requireRunning(String step) {
    if (status != ExportStatus.RUNNING) {
      throw new ExportNotRunningException(id, status, step);
    }
  }

  @EventSourcingHandler
  void on(ExportRequestedEvent event) {
    this.id = event.exportId();
    this.status = ExportStatus.PENDING;
  }

  @EventSourcingHandler
  void on(ExportStartedEvent event) {
    this.status = ExportStatus.RUNNING;
  }

  @EventSourcingHandler
  void on(ExportCompletedEvent event) {
    this.status = ExportStatus.DONE;
  }

  @EventSourcingHandler
  void on(ExportFailedEvent event) {
    this.status = ExportStatus.FAILED;
  }
}
