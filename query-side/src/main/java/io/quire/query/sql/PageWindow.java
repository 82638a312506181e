package io.quire.query.sql;

import java.util.List;

/**
 * A 1-based page of a list as SQL's {@code LIMIT} and {@code OFFSET}: page {@code p} of size {@code
 * s} skips {@code (p - 1) * s} rows. The offset is a {@code long}, so no page number overflows it;
 * a page past the end is simply empty.
 */
public record PageWindow(int limit, long offset) {

  public PageWindow {
    if (limit < 1) {
      throw new IllegalArgumentException("page size must be at least 1: " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }

  /** Page {@code page} (1 for the first) of {@code pageSize} rows. */
  public static PageWindow of(int page, int pageSize) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1: " + page);
    }
    return new PageWindow(pageSize, (long) (page - 1) * pageSize);
  }

  /** This page's part of a whole list, for lists that are not read with SQL. */
  public <T> List<T> slice(List<T> all) {
    if (offset >= all.size()) {
      return List.of();
    }
    int from = (int) offset;
    return all.subList(from, (int) Math.min(all.size(), offset + limit));
  }
}
