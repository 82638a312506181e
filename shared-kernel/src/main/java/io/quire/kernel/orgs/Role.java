package io.quire.kernel.orgs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A member's role in an org. */
public enum Role {
  @JsonProperty("admin")
  ADMIN,
  @JsonProperty("member")
  MEMBER;

  /** The wire name: {@code admin} or {@code member}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
