package io.quire.kernel.articles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** An article's life: drafted, then published, then perhaps archived. */
public enum ArticleStatus {
  @JsonProperty("draft")
  DRAFT,
  @JsonProperty("published")
  PUBLISHED,
  @JsonProperty("archived")
  ARCHIVED;

  /** The wire name: {@code draft}, {@code published} or {@code archived}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
