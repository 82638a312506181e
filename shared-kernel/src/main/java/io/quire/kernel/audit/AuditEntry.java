package io.quire.kernel.audit;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event: its commit position ({@code position}: 1, 2, 3, ... in the order events
 * committed, what {@code after} and {@code next_after} count), its global index in the event store
 * ({@code globalSequence}, in the order appends began), its aggregate ({@code aggregateType} such
 * as {@code task}, and id), its place in the aggregate ({@code sequence}, from 1, as in a task's
 * history), its type ({@code task.status_changed}), when it was recorded, who did it (null for the
 * system and for integrations), its fields, and the id of the HTTP request that caused it ({@code
 * requestId}, from the event's metadata, {@link io.quire.kernel.common.RequestMetadata}; null for
 * events no request caused and for those stored before request ids were recorded).
 */
public record AuditEntry(
    long position,
    long globalSequence,
    String aggregateType,
    String aggregateId,
    long sequence,
    String type,
    Instant occurredAt,
    UserSummary actor,
    Map<String, Object> data,
    String requestId) {}
