package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.testsupport.Seeded;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@link PathShape} never turns away a path that Spring's own pattern matching accepts, whatever
 * the pattern (literals, variables, wildcards inside segments, open ends, trailing slashes) and
 * whatever the path (filled in from the pattern, or changed: a segment more or fewer, another case,
 * percent-encoding, matrix parameters, empty segments).
 */
class PathShapeProperties {

  private static final List<String> LITERALS =
      List.of("api", "v1", "orgs", "tasks", "a", "x-y", "a.b", "UPPER");
  private static final List<String> WILD = List.of("{v}", "*", "a{v}", "{v}.json", "?b", "{v}-{w}");

  private final PathPatternParser parser = new PathPatternParser();

  @Test
  void everyPathAPatternMatchesHasItsShape() {
    Seeded.qt()
        .withExamples(10_000)
        .forAll(requests(PatternPaths::nearMisses))
        .checkAssert(
            request -> {
              if (matches(request)) {
                assertThat(PathShape.of(request.pattern()).admits(request.path()))
                    .as("%s matches %s", request.pattern(), request.path())
                    .isTrue();
              }
            });
  }

  @Test
  void aFilledInPatternIsMatchedAndAdmitted() {
    Seeded.qt()
        .withExamples(500)
        .forAll(requests(PatternPaths::matching))
        .checkAssert(
            request -> {
              assertThat(matches(request)).as("the pattern matches %s", request).isTrue();
              assertThat(PathShape.of(request.pattern()).admits(request.path())).isTrue();
            });
  }

  /** A pattern, and a path made for it. */
  record Request(String pattern, String path) {}

  private static Gen<Request> requests(Function<String, Gen<String>> pathsFor) {
    return patterns()
        .flatMap(pattern -> pathsFor.apply(pattern).map(path -> new Request(pattern, path)));
  }

  private boolean matches(Request request) {
    PathPattern pattern = parser.parse(request.pattern());
    return pattern.matches(PathContainer.parsePath(request.path()));
  }

  /** Patterns of up to five segments, an open end or a trailing slash now and then. */
  private static Gen<String> patterns() {
    Gen<String> segment =
        integers()
            .between(0, LITERALS.size() + WILD.size() - 1)
            .map(i -> i < LITERALS.size() ? LITERALS.get(i) : WILD.get(i - LITERALS.size()));
    return lists()
        .of(segment)
        .ofSizeBetween(0, 5)
        .zip(
            integers().between(0, 5),
            booleans().all(),
            (segments, end, slash) -> pattern(segments, end, slash));
  }

  private static String pattern(List<String> segments, int end, boolean slash) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      // Variables are numbered: a pattern may not capture two of one name.
      pattern
          .append('/')
          .append(segments.get(i).replace("{v}", "{v" + i + "}").replace("{w}", "{w" + i + "}"));
    }
    if (end == 0) {
      pattern.append("/**");
    } else if (end == 1) {
      pattern.append("/{*rest}");
    } else if (slash || pattern.isEmpty()) {
      pattern.append('/');
    }
    return pattern.toString();
  }
}
