package io.quire.api.errors;

/**
 * The wording of field errors ({@code details.<field>}), in one place so every endpoint says the
 * same thing the same way (Django REST Framework's wording).
 */
public final class FieldMessages {

  public static final String REQUIRED = "This field is required.";
  public static final String NOT_NULL = "This field may not be null.";
  public static final String NOT_BLANK = "This field may not be blank.";
  public static final String DATE_FORMAT =
      "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

  private FieldMessages() {}

  /** {@code "x" is not a valid choice.}, with a long value cut short. */
  public static String notAChoice(Object given) {
    String shown = String.valueOf(given);
    shown = shown.length() > 50 ? shown.substring(0, 50) + "…" : shown;
    return "\"" + shown + "\" is not a valid choice.";
  }
}
