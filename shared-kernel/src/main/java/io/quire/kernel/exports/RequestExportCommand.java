package io.quire.kernel.exports;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An org admin asks for a file of the org's tasks; {@code statusFilter} is null for all of them.
 */
public record RequestExportCommand(
    @TargetAggregateIdentifier ExportId exportId,
    OrgId orgId,
    ExportFormat format,
    TaskStatus statusFilter,
    UserId actor) {}
