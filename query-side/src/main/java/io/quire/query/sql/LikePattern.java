package io.quire.query.sql;

/**
 * LIKE patterns from user text: the text is matched literally, so {@code %}, {@code _} and the
 * escape character {@code \} in it are escaped. Use with {@code ESCAPE '\'} (see {@link
 * #ESCAPE_CLAUSE}).
 */
public final class LikePattern {

  /** The escape character of every pattern made here. */
  public static final char ESCAPE = '\\';

  /** The clause that goes after the pattern: {@code ESCAPE '\'}. */
  public static final String ESCAPE_CLAUSE = "ESCAPE '" + ESCAPE + "'";

  private LikePattern() {}

  /** A pattern matching any string that contains {@code text}. */
  public static String containing(String text) {
    return "%" + escape(text) + "%";
  }

  /** {@code text} with {@code \}, {@code %} and {@code _} escaped by {@code \}. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ESCAPE || c == '%' || c == '_') {
        escaped.append(ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
