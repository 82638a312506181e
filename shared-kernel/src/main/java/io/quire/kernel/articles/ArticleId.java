package io.quire.kernel.articles;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an article; serialised as its bare UUID string. */
public record ArticleId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ArticleId {
    Objects.requireNonNull(value, "value");
  }

  public static ArticleId of(String value) {
    return new ArticleId(UUID.fromString(value));
  }

  public static ArticleId random() {
    return new ArticleId(UUID.randomUUID());
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
