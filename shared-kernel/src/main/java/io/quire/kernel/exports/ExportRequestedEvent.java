package io.quire.kernel.exports;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.kernel.tasks.TaskStatus;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin requested an export of the org's tasks as they stand now; {@code statusFilter} is null
 * for all of them.
 */
@Revision("1")
public record ExportRequestedEvent(
    ExportId exportId,
    OrgId orgId,
    ExportFormat format,
    TaskStatus statusFilter,
    UserId requestedBy,
    Instant requestedAt)
    implements OrgScoped {}
