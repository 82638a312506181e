package io.quire.kernel.tasks;

import io.quire.kernel.common.NameBasedUuid;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An integration creates a task in its org for the sender's {@code externalId}; the task has no
 * creating user. Its id is {@link #taskIdFor}, so the same external id always names the same task.
 */
public record CreateIntegrationTaskCommand(
    @TargetAggregateIdentifier TaskId taskId,
    OrgId orgId,
    IntegrationId integrationId,
    String title,
    String description) {

  /** The id of the task an integration makes for its sender's external id. */
  public static TaskId taskIdFor(IntegrationId integration, String externalId) {
    return new TaskId(NameBasedUuid.of("integration-task", integration.value(), externalId));
  }
}
