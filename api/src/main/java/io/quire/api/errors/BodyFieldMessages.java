package io.quire.api.errors;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * What a field of a request body answers when its JSON value has the wrong type or form, in Django
 * REST Framework's wording, so that a client learns what the field takes (never Java's own type
 * names).
 */
final class BodyFieldMessages {

  static final String WRONG_TYPE = "Invalid value of the wrong type.";

  private BodyFieldMessages() {}

  static String of(MismatchedInputException e) {
    if (e instanceof RefusedJsonValue refused) {
      return refused.fieldMessage();
    }
    Class<?> type = e.getTargetType();
    if (type == null) {
      return WRONG_TYPE;
    }
    if (type.isEnum() && e instanceof InvalidFormatException format) {
      return FieldMessages.notAChoice(format.getValue());
    }
    if (type.isEnum() || type == String.class) {
      return "Not a valid string.";
    }
    if (type == LocalDate.class) {
      return FieldMessages.DATE_FORMAT;
    }
    if (type == UUID.class) {
      return "Must be a valid UUID.";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "Must be a valid boolean.";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "A valid number is required.";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "Expected a list of items.";
    }
    return WRONG_TYPE;
  }

  /**
   * Whether Jackson refused what follows the body's JSON value (as in {@code {"a": 1} {}}): the
   * body as a whole is then not one JSON document. Jackson has no type of its own for this.
   */
  static boolean isTrailingContent(MismatchedInputException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
  }

  static String beyondLimits(Throwable e) {
    return e instanceof InputCoercionException
        ? "A number in the request body is out of range for its field."
        : "The request body exceeds what is read: numbers of at most 1000 digits, at most 1000"
            + " levels of nesting.";
  }
}
