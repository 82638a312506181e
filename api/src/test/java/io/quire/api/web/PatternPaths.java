package io.quire.api.web;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Request paths for path patterns: paths a pattern matches, made by filling its variables and
 * wildcards, and near misses (a segment changed, one more or one fewer, case changed,
 * percent-encoded, matrix parameters, doubled or trailing slashes).
 */
final class PatternPaths {

  /** Segment texts that a variable or wildcard matches: no slash, not empty. */
  private static final List<String> FILLINGS =
      List.of("x", "acme", "t-42", "a.b", "UPPER", "7", "orgs", "tasks", "_", "zz-top");

  /** Segment texts of near misses, odd ones included. */
  private static final List<String> ODD =
      List.of("", "Orgs", "%61", "a%2Fb", "x;v=1", "é", "..", ".", "api", "v1", "*", "{id}");

  private PatternPaths() {}

  /** A path that {@code pattern} matches, its variables and wildcards filled in. */
  static Gen<String> matching(String pattern) {
    return lists()
        .of(integers().between(0, 1_000))
        .ofSize(24)
        .map(choices -> fill(pattern, choices));
  }

  /** A path made from {@code pattern} and then changed, which it may or may not match. */
  static Gen<String> nearMisses(String pattern) {
    return matching(pattern)
        .zip(
            integers().between(0, 6),
            integers().between(0, 1_000),
            (path, change, choice) -> changed(path, change, choice));
  }

  private static String fill(String pattern, List<Integer> choices) {
    StringBuilder path = new StringBuilder();
    String[] segments = pattern.substring(1).split("/", -1);
    int next = 0;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals("**") || segment.startsWith("{*")) {
        int extra = choice(choices, next++) % 3;
        for (int e = 0; e < extra; e++) {
          path.append('/').append(pick(FILLINGS, choice(choices, next++)));
        }
        if (extra == 0 && path.isEmpty()) {
          path.append('/');
        }
        continue;
      }
      path.append('/');
      path.append(filled(segment, choice(choices, next++)));
    }
    return path.isEmpty() ? "/" : path.toString();
  }

  /** One segment of a pattern with its variables and wildcards replaced by matching text. */
  private static String filled(String segment, int choice) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '{') {
        i = segment.indexOf('}', i);
        text.append(pick(FILLINGS, choice));
      } else if (c == '*') {
        text.append(pick(FILLINGS, choice + 1));
      } else if (c == '?') {
        text.append((char) ('a' + choice % 26));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static String changed(String path, int change, int choice) {
    String[] segments = path.substring(1).split("/", -1);
    int at = choice % segments.length;
    String odd = pick(ODD, choice);
    return switch (change) {
      case 0 -> path;
      case 1 -> path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
      case 2 -> path + "/" + odd;
      case 3 -> path.lastIndexOf('/') > 0 ? path.substring(0, path.lastIndexOf('/')) : "/" + odd;
      case 4 -> replaced(segments, at, odd);
      case 5 -> replaced(segments, at, segments[at].toUpperCase(java.util.Locale.ROOT));
      default -> path.replaceFirst("/", "//");
    };
  }

  private static String replaced(String[] segments, int at, String text) {
    String[] copy = segments.clone();
    copy[at] = text;
    return "/" + String.join("/", copy);
  }

  private static int choice(List<Integer> choices, int index) {
    return choices.get(index % choices.size());
  }

  private static String pick(List<String> texts, int choice) {
    return texts.get(Math.floorMod(choice, texts.size()));
  }
}
