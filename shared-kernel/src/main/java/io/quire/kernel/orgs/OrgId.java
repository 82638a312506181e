package io.quire.kernel.orgs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an org internally (its aggregate id); clients address orgs by slug. Serialised as its
 * bare UUID string.
 */
public record OrgId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public OrgId {
    Objects.requireNonNull(value, "value");
  }

  public static OrgId of(String value) {
    return new OrgId(UUID.fromString(value));
  }

  public static OrgId random() {
    return new OrgId(UUID.randomUUID());
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
