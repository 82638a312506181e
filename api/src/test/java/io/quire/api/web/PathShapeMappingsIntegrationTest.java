package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.quire.api.testing.IntegrationTest;
import io.quire.testsupport.Seeded;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The application's own request mappings match exactly as Spring's would: for every mapping and any
 * request (a path made from one of the application's patterns, or changed from one, with any
 * method), the shape check lets through every mapping whose conditions match, so the same mappings
 * match and the same handler is chosen.
 */
@IntegrationTest
class PathShapeMappingsIntegrationTest {

  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theApplicationsMappingsCheckShapesFirst() {
    assertThat(mappings).isInstanceOf(PathShapeMappings.class);
  }

  @Test
  void everyMappingThatMatchesARequestIsLetThrough() {
    PathShapeMappings shaped = (PathShapeMappings) mappings;
    List<RequestMappingInfo> infos = List.copyOf(mappings.getHandlerMethods().keySet());

    Seeded.qt()
        .withExamples(1_000)
        .forAll(requests())
        .checkAssert(
            request -> {
              for (RequestMappingInfo info : infos) {
                RequestMappingInfo spring = info.getMatchingCondition(request);
                assertThat(shaped.getMatchingMapping(info, request))
                    .as("%s %s for %s", request.getMethod(), request.getRequestURI(), info)
                    .isEqualTo(spring);
              }
            });
  }

  @Test
  void aTaskDetailPathIsTestedAgainstFewMappings() {
    PathShapeMappings shaped = (PathShapeMappings) mappings;
    MockHttpServletRequest request = request("GET", "/api/v1/orgs/acme/tasks/t-1");
    int all = mappings.getHandlerMethods().size();

    long admitted =
        mappings.getHandlerMethods().keySet().stream()
            .filter(info -> shaped.admits(info, request))
            .count();

    assertThat(all).isGreaterThan(40);
    assertThat(admitted).isBetween(1L, 4L);
  }

  private Gen<MockHttpServletRequest> requests() {
    List<String> patterns =
        mappings.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
            .map(PathPattern::getPatternString)
            .distinct()
            .sorted()
            .toList();
    return integers()
        .between(0, patterns.size() - 1)
        .flatMap(i -> PatternPaths.nearMisses(patterns.get(i)))
        .zip(integers().between(0, METHODS.size() - 1), (path, m) -> request(METHODS.get(m), path));
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.addHeader("Accept", "application/json");
    ServletRequestPathUtils.parseAndCache(request);
    return request;
  }
}
