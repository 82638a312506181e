package io.quire.kernel.tasks;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An integration sets the status of a task of its org. Answers {@code true} when the status
 * changed, {@code false} when the task had it already.
 */
public record ChangeIntegrationTaskStatusCommand(
    @TargetAggregateIdentifier TaskId taskId,
    OrgId orgId,
    IntegrationId integrationId,
    TaskStatus status) {}
