package io.quire.kernel.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A task's status; any status may follow any other. */
public enum TaskStatus {
  @JsonProperty("todo")
  TODO,
  @JsonProperty("in_progress")
  IN_PROGRESS,
  @JsonProperty("done")
  DONE;

  /** The wire name: {@code todo}, {@code in_progress} or {@code done}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
