package io.quire.kernel.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What the first delivery of an event did. */
public enum WebhookOutcome {
  /** A task was created for the external id. */
  @JsonProperty("task_created")
  TASK_CREATED,
  /** The external id's task took the new status. */
  @JsonProperty("task_status_changed")
  TASK_STATUS_CHANGED,
  /**
   * Nothing needed doing: the external id already had a task, the task already had that status, or
   * it has been deleted since.
   */
  @JsonProperty("no_change")
  NO_CHANGE,
  /** The event's type is not one Quire acts on. */
  @JsonProperty("ignored")
  IGNORED;

  /** The wire name: {@code task_created}, {@code ignored}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
