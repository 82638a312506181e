package io.quire.kernel.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a task; serialised as its bare UUID string. */
public record TaskId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TaskId {
    Objects.requireNonNull(value, "value");
  }

  public static TaskId of(String value) {
    return new TaskId(UUID.fromString(value));
  }

  public static TaskId random() {
    return new TaskId(UUID.randomUUID());
  }

  @JsonValue
  @Override
  public UUID value() {
    return value;
  }

  /** Axon routes commands by this string. */
  @Override
  public String toString() {
    return value.toString();
  }
}
