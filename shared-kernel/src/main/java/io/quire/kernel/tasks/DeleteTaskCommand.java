package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An admin or the task's creator deletes a task. */
public record DeleteTaskCommand(
    @TargetAggregateIdentifier TaskId taskId,
    UserId actor,
    @TargetAggregateVersion Long expectedVersion) {}
