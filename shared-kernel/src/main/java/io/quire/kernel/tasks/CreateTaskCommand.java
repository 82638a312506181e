package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member creates a task in an org; {@code assignedTo} and {@code dueDate} may be null. */
public record CreateTaskCommand(
    @TargetAggregateIdentifier TaskId taskId,
    OrgId orgId,
    String title,
    String description,
    UserId assignedTo,
    LocalDate dueDate,
    UserId actor) {}
