package io.quire.api.web;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions on the wire. A resource's {@code version} is the number of its aggregate's events, sent
 * as {@code ETag: W/"<version>"}; {@code If-Match} names the version a client last saw. Axon counts
 * the same events from 0 (the last sequence number), so version {@code n} is sequence {@code n -
 * 1}: this class is the one place that converts.
 */
public final class Versions {

  private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?([0-9]{1,18})\"?$");

  private Versions() {}

  /** The weak ETag of a version: {@code W/"3"}. */
  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }

  /**
   * The Axon sequence number an {@code If-Match} header expects, or null when there is no header or
   * it is {@code *}.
   *
   * @throws ApiException 412 when the header names no version this API ever issued (an unknown
   *     entity tag never matches, RFC 9110)
   */
  public static Long expectedSequence(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher tag = TAG.matcher(ifMatch.strip());
    if (!tag.matches()) {
      throw new ApiException(ErrorCode.PRECONDITION_FAILED);
    }
    long version = Long.parseLong(tag.group(1));
    if (version < 1) {
      throw new ApiException(ErrorCode.PRECONDITION_FAILED);
    }
    return version - 1;
  }

  /**
   * As {@link #expectedSequence(String)}, for a resource whose current version the caller has just
   * read: {@code If-Match} may then list several entity tags (RFC 9110), and it matches when one of
   * them is the current version. The command still carries that version, so a change that lands in
   * between is a 412 all the same. A list without the current version expects its first one, which
   * is then refused exactly like a single stale tag.
   */
  public static Long expectedSequence(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.indexOf(',') < 0) {
      return expectedSequence(ifMatch);
    }
    List<Long> listed = new ArrayList<>();
    for (String entry : ifMatch.split(",", -1)) {
      Long expected = expectedSequence(entry);
      if (expected == null) {
        // An empty entry, or "*" inside a list: not a list of entity tags.
        throw new ApiException(ErrorCode.PRECONDITION_FAILED);
      }
      listed.add(expected);
    }
    return listed.contains(currentVersion - 1) ? currentVersion - 1 : listed.get(0);
  }
}
