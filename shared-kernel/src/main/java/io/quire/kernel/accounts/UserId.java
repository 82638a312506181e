package io.quire.kernel.accounts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user; serialised as its bare UUID string. */
public record UserId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
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
