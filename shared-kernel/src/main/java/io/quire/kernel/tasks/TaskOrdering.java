package io.quire.kernel.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The orderings of the task list. Ties are broken by id so that pages never overlap. */
public enum TaskOrdering {
  @JsonProperty("created_at")
  CREATED_AT,
  @JsonProperty("-created_at")
  NEWEST_FIRST,
  @JsonProperty("due_date")
  DUE_DATE,
  @JsonProperty("-due_date")
  LATEST_DUE_FIRST;
}
