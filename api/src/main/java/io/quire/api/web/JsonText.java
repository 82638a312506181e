package io.quire.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.quire.api.errors.RefusedJsonValue;
import java.io.IOException;
import org.springframework.boot.jackson.JsonComponent;

/**
 * How a JSON value becomes a text field of a request body, as Django REST Framework's {@code
 * CharField} reads it: a string as it is, a number as its digits; {@code true}, {@code false}, an
 * object or an array are "Not a valid string.", and text that cannot be stored ({@link
 * StorableText}) is refused too. Jackson's own reading would turn {@code true} into {@code "true"}.
 * JSON {@code null} never reaches here (each field decides what null means).
 */
@JsonComponent
public class JsonText extends StdScalarDeserializer<String> {

  static final String NOT_A_STRING = "Not a valid string.";

  public JsonText() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    String text;
    if (token == JsonToken.VALUE_STRING) {
      text = parser.getText();
    } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getText();
    } else {
      throw new RefusedJsonValue(parser, String.class, NOT_A_STRING);
    }
    String problem = StorableText.problem(text);
    if (problem != null) {
      throw new RefusedJsonValue(parser, String.class, problem);
    }
    return text;
  }
}
