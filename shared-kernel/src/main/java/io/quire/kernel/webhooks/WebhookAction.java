package io.quire.kernel.webhooks;

import io.quire.kernel.tasks.TaskStatus;

/** What a delivery asks for, read from its {@code type} and {@code data}. */
public sealed interface WebhookAction {

  /** {@code task.created}: a task for the sender's {@code externalId}. */
  record CreateTask(String externalId, String title, String description) implements WebhookAction {}

  /** {@code task.status_changed}: the status of the task made for {@code externalId}. */
  record ChangeTaskStatus(String externalId, TaskStatus status) implements WebhookAction {}

  /** Any other type: recorded, with outcome {@code ignored}, and nothing else. */
  record Ignore() implements WebhookAction {}
}
