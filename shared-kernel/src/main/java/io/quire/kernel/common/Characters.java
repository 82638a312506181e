package io.quire.kernel.common;

/**
 * Lengths as the contract counts them: in characters (Unicode code points), not in Java's UTF-16
 * units, so that an emoji counts as one character, as in Django. The API's checks and the
 * aggregates' guards count with this one method, so they cannot disagree.
 */
public final class Characters {

  private Characters() {}

  /** The number of characters of {@code text}. */
  public static int count(String text) {
    return text.codePointCount(0, text.length());
  }
}
