package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.util.Map;

/**
 * One event in a task's history: {@code sequence} starts at 1, {@code type} is like {@code
 * task.status_changed}, {@code data} is the event's own fields.
 */
public record TaskHistoryEntry(
    long sequence, String type, Instant occurredAt, UserSummary actor, Map<String, Object> data) {}
