package io.quire.api.errors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The body of every error: {@code {"error": {"code", "message", "details"}}}. {@code details} is
 * always present: field name to messages for validation errors, otherwise {@code {}} or useful
 * keys.
 */
@Schema(name = "ErrorEnvelope", description = "The body of every error response.")
public record ErrorEnvelope(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Error error) {

  /** The error itself. */
  @Schema(name = "Error")
  public record Error(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              example = "validation_error",
              description = "Stable, machine-readable code.")
          String code,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "For people.")
          String message,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description =
                  "Field name to messages for validation errors; otherwise {} or extra keys.")
          Map<String, Object> details) {}

  public static ErrorEnvelope of(String code, String message, Map<String, ?> details) {
    return new ErrorEnvelope(new Error(code, message, Map.copyOf(details)));
  }
}
