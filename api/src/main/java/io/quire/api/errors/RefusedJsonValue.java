package io.quire.api.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a request body that is well-formed JSON but not acceptable for its field, with the
 * message its field answers ({@code details.<field>}). Jackson adds the field's path as the
 * exception leaves each object it was read in.
 */
public final class RefusedJsonValue extends MismatchedInputException {

  private final String fieldMessage;

  public RefusedJsonValue(JsonParser parser, Class<?> targetType, String fieldMessage) {
    super(parser, fieldMessage, targetType);
    this.fieldMessage = fieldMessage;
  }

  /** What the field's entry in {@code details} says. */
  public String fieldMessage() {
    return fieldMessage;
  }
}
