package io.quire.kernel.comments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A comment's moderation state; only approved comments are shown publicly. */
public enum CommentStatus {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("approved")
  APPROVED,
  @JsonProperty("rejected")
  REJECTED;

  /** The wire name: {@code pending}, {@code approved} or {@code rejected}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
