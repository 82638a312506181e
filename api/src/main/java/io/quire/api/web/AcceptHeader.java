package io.quire.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Content negotiation for an endpoint that answers more than one media type (the event stream: JSON
 * pages or NDJSON), done by the endpoint itself rather than by {@code produces} on several handler
 * methods, whose mismatch Spring answers with 406 before the request is authenticated. The rules
 * (RFC 9110, section 12.5.1): each offered type takes the quality of the most specific media range
 * of {@code Accept} that matches it ({@code application/json} before {@code application/*} before
 * {@code *}{@code /*}); the highest quality wins; a quality of 0 means "not acceptable", never
 * "least preferred"; on a tie, the type offered first wins, so {@code *}{@code /*}, or no {@code
 * Accept} at all, chooses it.
 */
public final class AcceptHeader {

  private AcceptHeader() {}

  /**
   * The type of {@code offered} to answer, or empty when the request accepts none of them (or its
   * {@code Accept} cannot be read, as Spring treats it): a 406.
   */
  public static Optional<MediaType> choose(HttpServletRequest request, List<MediaType> offered) {
    String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
    if (accept.isBlank()) {
      return offered.stream().findFirst();
    }
    List<MediaType> ranges;
    try {
      ranges = MediaType.parseMediaTypes(accept);
    } catch (IllegalArgumentException e) {
      // InvalidMediaTypeException, or a quality outside 0-1.
      return Optional.empty();
    }
    MediaType chosen = null;
    double best = 0;
    for (MediaType type : offered) {
      double quality = quality(type, ranges);
      if (quality > best) {
        chosen = type;
        best = quality;
      }
    }
    return Optional.ofNullable(chosen);
  }

  /** The quality {@code ranges} give {@code type}: that of the most specific range matching it. */
  static double quality(MediaType type, List<MediaType> ranges) {
    int specificity = -1;
    double quality = 0;
    for (MediaType range : ranges) {
      if (!range.includes(type)) {
        continue;
      }
      int rangeSpecificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
      if (rangeSpecificity > specificity) {
        specificity = rangeSpecificity;
        quality = range.getQualityValue();
      } else if (rangeSpecificity == specificity) {
        // The same range twice with two qualities: the higher one.
        quality = Math.max(quality, range.getQualityValue());
      }
    }
    return quality;
  }
}
