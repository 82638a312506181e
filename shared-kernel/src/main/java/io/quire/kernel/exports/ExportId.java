package io.quire.kernel.exports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an export; serialised as its bare UUID string. */
public record ExportId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ExportId {
    Objects.requireNonNull(value, "value");
  }

  public static ExportId of(String value) {
    return new ExportId(UUID.fromString(value));
  }

  public static ExportId random() {
    return new ExportId(UUID.randomUUID());
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
