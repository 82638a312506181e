package io.quire.api.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What a path pattern's literal segments demand of a request path, checked with a few string
 * comparisons and no allocation: {@code /api/v1/orgs/{slug}/tasks/{id}} admits only paths of five
 * segments whose first, second, third and fifth are {@code api}, {@code v1}, {@code orgs} and
 * {@code tasks}.
 *
 * <p>The rule is one-sided: every path the pattern matches is admitted ({@code
 * PathShapeProperties}), and some paths it does not match are admitted too. Whatever the shape
 * cannot judge cheaply is admitted: percent-encoded paths and matrix parameters (the pattern
 * matches decoded segments), regular-expression variables, a request path not starting with a
 * slash. Trailing slashes are ignored on both sides, and any segment with a variable or a wildcard
 * admits any text, none included (so a path that ends before such segments is admitted); {@code **}
 * and {@code {*name}} admit any number of further segments, none included.
 */
final class PathShape {

  static final PathShape ANY = new PathShape(new String[0], true, true);

  /** The pattern's segments up to any open end; null where a segment admits any text. */
  private final String[] segments;

  private final boolean openEnded;
  private final boolean any;

  private PathShape(String[] segments, boolean openEnded, boolean any) {
    this.segments = segments;
    this.openEnded = openEnded;
    this.any = any;
  }

  static PathShape of(String pattern) {
    if (!pattern.startsWith("/") || pattern.indexOf(':') >= 0) {
      return ANY;
    }
    List<String> segments = new ArrayList<>();
    boolean openEnded = false;
    for (String segment : trimmed(pattern).split("/", -1)) {
      if (segment.contains("**") || segment.contains("{*")) {
        openEnded = true;
        break;
      }
      segments.add(isLiteral(segment) ? segment : null);
    }
    if (segments.size() == 1 && "".equals(segments.get(0)) && !openEnded) {
      segments.clear(); // the pattern "/"
    }
    return new PathShape(segments.toArray(String[]::new), openEnded, false);
  }

  /** False only when the pattern cannot match {@code path} (a path within the application). */
  boolean admits(String path) {
    if (any
        || path.isEmpty()
        || path.charAt(0) != '/'
        || path.indexOf('%') >= 0
        || path.indexOf(';') >= 0) {
      return true;
    }
    int end = path.length();
    if (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    int position = 1;
    boolean another = position < end; // whether a segment starts at position
    for (int i = 0; i < segments.length; i++) {
      String literal = segments[i];
      if (!another) {
        // The path has no segments left; a wildcard may still match an empty one ("/*" matches
        // "/"), so only a literal still to come rules the path out.
        return literalsFrom(i) == 0;
      }
      int next = path.indexOf('/', position);
      if (next < 0 || next > end) {
        next = end;
      }
      if (literal != null
          && (next - position != literal.length() || !path.startsWith(literal, position))) {
        return false;
      }
      another = next < end;
      position = next + 1;
    }
    return openEnded || !another;
  }

  private int literalsFrom(int index) {
    int literals = 0;
    for (int i = index; i < segments.length; i++) {
      if (segments[i] != null) {
        literals++;
      }
    }
    return literals;
  }

  private static String trimmed(String pattern) {
    int end = pattern.length();
    if (end > 1 && pattern.charAt(end - 1) == '/') {
      end--;
    }
    return pattern.substring(1, end);
  }

  private static boolean isLiteral(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '{' || c == '}' || c == '*' || c == '?') {
        return false;
      }
    }
    return true;
  }
}
