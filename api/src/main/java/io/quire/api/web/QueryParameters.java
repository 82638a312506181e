package io.quire.api.web;

import java.util.Set;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Query parameters that take one value. Given more than once ({@code ?after=1&after=2}) such a
 * parameter is a 400 on it, saying so: which value was meant is not for the server to guess, and
 * Spring's binding would join the values with a comma into one that is merely invalid ("Enter a
 * valid value.") or, worse, valid.
 */
public final class QueryParameters {

  public static final String GIVEN_MORE_THAN_ONCE = "This parameter was given more than once.";

  private QueryParameters() {}

  /**
   * The value of query parameter {@code name}, or null when it is absent; when it was given more
   * than once, null, and {@code name} is added to {@code repeated} (for {@link
   * #GIVEN_MORE_THAN_ONCE} on it).
   */
  public static String single(NativeWebRequest request, String name, Set<String> repeated) {
    String[] values = request.getParameterValues(name);
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length > 1) {
      repeated.add(name);
      return null;
    }
    return values[0];
  }
}
