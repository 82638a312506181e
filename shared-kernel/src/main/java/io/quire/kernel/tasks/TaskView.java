package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A task as the API shows it; {@code org} is the org's slug and {@code version} counts its events.
 */
public record TaskView(
    TaskId id,
    String org,
    String title,
    String description,
    TaskStatus status,
    UserSummary createdBy,
    UserSummary assignedTo,
    LocalDate dueDate,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
