package io.quire.kernel.comments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a comment; serialised as its bare UUID string. */
public record CommentId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public CommentId {
    Objects.requireNonNull(value, "value");
  }

  public static CommentId of(String value) {
    return new CommentId(UUID.fromString(value));
  }

  public static CommentId random() {
    return new CommentId(UUID.randomUUID());
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
