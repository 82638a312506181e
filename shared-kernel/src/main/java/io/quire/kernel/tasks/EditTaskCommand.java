package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.common.Change;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Edits a task: each {@code null} field stays as it is; a {@link Change} of {@code null} clears the
 * assignee or the due date. {@code expectedVersion} (nullable) is the last sequence number the
 * actor saw.
 */
public record EditTaskCommand(
    @TargetAggregateIdentifier TaskId taskId,
    UserId actor,
    @TargetAggregateVersion Long expectedVersion,
    String title,
    String description,
    TaskStatus status,
    Change<UserId> assignedTo,
    Change<LocalDate> dueDate) {}
