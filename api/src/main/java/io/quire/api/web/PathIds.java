package io.quire.api.web;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in paths. A path whose id is not a UUID names nothing: 404, as in Django's URL routing. */
public final class PathIds {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private PathIds() {}

  /** The UUID a path segment spells, or a 404. */
  public static UUID uuid(String segment) {
    if (segment == null || !UUID_TEXT.matcher(segment).matches()) {
      throw new ApiException(ErrorCode.NOT_FOUND);
    }
    return UUID.fromString(segment);
  }
}
