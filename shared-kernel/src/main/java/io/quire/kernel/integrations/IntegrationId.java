package io.quire.kernel.integrations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an integration; serialised as its bare UUID string. */
public record IntegrationId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public IntegrationId {
    Objects.requireNonNull(value, "value");
  }

  public static IntegrationId random() {
    return new IntegrationId(UUID.randomUUID());
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
