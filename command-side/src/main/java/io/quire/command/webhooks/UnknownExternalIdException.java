package io.quire.command.webhooks;

/**
 * A {@code task.status_changed} for an external id that has no task (yet): its {@code task.created}
 * has not arrived. Nothing is recorded, so the sender's retry, after the creation, still works.
 */
public class UnknownExternalIdException extends RuntimeException {
  public UnknownExternalIdException(String externalId) {
    super("No task has been created for external_id " + externalId + " yet.");
  }
}
