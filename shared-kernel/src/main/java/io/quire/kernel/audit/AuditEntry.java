package io.quire.kernel.audit;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event: its place in the whole stream ({@code globalSequence}), its aggregate ({@code
 * aggregateType} such as {@code task}, and id), its place in the aggregate ({@code sequence}, from
 * 1, as in a task's history), its type ({@code task.status_changed}), when it was recorded, who did
 * it (null for the system and for integrations) and its fields.
 */
public record AuditEntry(
    long globalSequence,
    String aggregateType,
    String aggregateId,
    long sequence,
    String type,
    Instant occurredAt,
    UserSummary actor,
    Map<String, Object> data) {}
