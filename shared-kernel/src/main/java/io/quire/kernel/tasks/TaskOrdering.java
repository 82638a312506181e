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

  /**
   * The wire name: {@code created_at}, {@code -created_at}, {@code due_date}, {@code -due_date}.
   */
  public String wireName() {
    String field = this == CREATED_AT || this == NEWEST_FIRST ? "created_at" : "due_date";
    return this == NEWEST_FIRST || this == LATEST_DUE_FIRST ? "-" + field : field;
  }
}
