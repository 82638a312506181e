package io.quire.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole numbers in query parameters ({@code ?page=}, {@code ?page_size=}, {@code ?after=}, {@code
 * ?limit=}), read the one way every list reads them: absent or blank is absent; anything that is
 * not a whole number in range is one message on that parameter, in Django REST Framework's words,
 * collected with the request's other problems so that one 400 names them all.
 */
public final class QueryNumbers {

  public static final String NOT_A_NUMBER = "Enter a valid value.";

  private QueryNumbers() {}

  /** The message for a number below {@code minimum}. */
  public static String belowMinimum(long minimum) {
    return "Ensure this value is greater than or equal to " + minimum + ".";
  }

  /**
   * The whole number in parameter {@code name}, or null when it is absent; a value that is not a
   * whole number, or is above {@code maximum}, or below {@code minimum}, adds its message to {@code
   * problems} and is null too.
   */
  public static Long wholeNumber(
      String name, String text, long minimum, long maximum, Map<String, List<String>> problems) {
    String digits = text == null ? "" : text.strip();
    if (digits.isEmpty()) {
      return null;
    }
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      problem(problems, name, NOT_A_NUMBER);
      return null;
    }
    if (value > maximum) {
      problem(problems, name, NOT_A_NUMBER);
      return null;
    }
    if (value < minimum) {
      problem(problems, name, belowMinimum(minimum));
      return null;
    }
    return value;
  }

  /** Adds a message on parameter {@code name}. */
  public static void problem(Map<String, List<String>> problems, String name, String message) {
    problems.computeIfAbsent(name, k -> new ArrayList<>()).add(message);
  }
}
