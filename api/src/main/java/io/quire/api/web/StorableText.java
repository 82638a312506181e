package io.quire.api.web;

/**
 * Text that every supported database stores exactly as given. PostgreSQL's {@code text} cannot hold
 * the NUL character (U+0000) at all, and a UTF-16 surrogate without its pair is no character of any
 * encoding: the JDBC driver would store it as {@code ?}, so the read model would differ from the
 * event. Both are refused at the edge, in request bodies ({@link JsonText}) and in query parameters
 * ({@link QueryTextFilter}), so that such input is a 400 and never reaches a statement.
 */
public final class StorableText {

  public static final String NUL_MESSAGE = "Null characters are not allowed.";
  public static final String SURROGATE_MESSAGE = "Unpaired surrogate characters are not allowed.";

  private StorableText() {}

  /** Why {@code text} cannot be stored as it is, or null when it can. */
  public static String problem(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return NUL_MESSAGE;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return SURROGATE_MESSAGE;
        }
      } else if (Character.isLowSurrogate(c)) {
        return SURROGATE_MESSAGE;
      }
    }
    return null;
  }
}
