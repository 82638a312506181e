package io.quire.kernel.exports;

import io.quire.kernel.orgs.OrgId;
import java.time.Instant;

/**
 * An export as the API shows it. {@code rowCount} and {@code completedAt} are null until it is
 * done; {@code error} is null unless it failed; {@code version} counts its events.
 */
public record ExportView(
    ExportId id,
    OrgId orgId,
    ExportFormat format,
    ExportStatus status,
    Long rowCount,
    Instant createdAt,
    Instant completedAt,
    String error,
    long version) {}
