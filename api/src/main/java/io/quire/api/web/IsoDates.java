package io.quire.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.quire.api.errors.FieldMessages;
import io.quire.api.errors.RefusedJsonValue;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.JsonComponent;

/**
 * Dates in request bodies ({@code due_date}) are exactly {@code YYYY-MM-DD}, as the contract writes
 * them: a JSON string of a real calendar day in the years 0001 to 9999. Jackson's own reading of a
 * {@link LocalDate} is lenient where a client's mistake should be an error: it reads a number as
 * days since 1970, cuts a date-time to its date and accepts years such as {@code -0001}, all of
 * which would then be echoed back in a form that is not a date of the contract. Anything else is
 * refused here, and answered as a field error on the date's field.
 */
@JsonComponent
public class IsoDates extends StdScalarDeserializer<LocalDate> {

  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  public IsoDates() {
    super(LocalDate.class);
  }

  /** The day {@code text} names, or empty when it is not exactly {@code YYYY-MM-DD}. */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(text, STRICT);
      return day.getYear() < 1 ? Optional.empty() : Optional.of(day);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new RefusedJsonValue(parser, LocalDate.class, FieldMessages.DATE_FORMAT);
    }
    return parse(parser.getText())
        .orElseThrow(
            () -> new RefusedJsonValue(parser, LocalDate.class, FieldMessages.DATE_FORMAT));
  }
}
