package io.quire.query.articles;

import java.util.Arrays;
import java.util.List;

/**
 * An article's tags as {@code article_view.tags} stores them for display: in their order, joined by
 * {@code ,} ({@code ""} for none). Tags are normalised slugs ({@code [a-z0-9-]}), so a comma never
 * occurs in one; a tag that is empty or holds a comma is a bug upstream, and fails the handler.
 */
final class ArticleTags {

  private static final String SEPARATOR = ",";

  private ArticleTags() {}

  /** The column value of {@code tags}. */
  static String join(List<String> tags) {
    if (tags == null) {
      throw new IllegalArgumentException("an article event without tags (not even an empty list)");
    }
    for (String tag : tags) {
      if (tag == null || tag.isEmpty() || tag.contains(SEPARATOR)) {
        throw new IllegalArgumentException("not a normalised tag: " + tag);
      }
    }
    return String.join(SEPARATOR, tags);
  }

  /** The tags of a column value of {@code tags}, in their order. */
  static List<String> split(String column) {
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(SEPARATOR, -1));
  }
}
