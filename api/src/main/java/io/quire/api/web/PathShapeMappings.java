package io.quire.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, with every mapping whose {@link PathShape} the request's path
 * lacks skipped before its conditions run.
 *
 * <p>For a path with variables (nearly every Quire path) Spring tests the request against each of
 * the application's mappings in turn: the method, the headers, the media types, then the path
 * pattern. With the application's 43 mappings that was 10-15% of a detail request's CPU
 * (docs/performance.md). The shape check rejects most of them in a few string comparisons; the
 * mappings it admits go through Spring's own matching unchanged, and since a shape admits every
 * path its pattern matches, the same mappings match as without it ({@code
 * PathShapeMappingsIntegrationTest}), and so the same handler is chosen, with the same 404, 405,
 * 406 and 415 answers (those are worked out by Spring from all mappings).
 */
final class PathShapeMappings extends RequestMappingHandlerMapping {

  private final Map<RequestMappingInfo, PathShape[]> shapes = new ConcurrentHashMap<>();

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    return admits(info, request) ? super.getMatchingMapping(info, request) : null;
  }

  /** Whether any of the mapping's patterns admits the request's path. */
  boolean admits(RequestMappingInfo info, HttpServletRequest request) {
    if (getPatternParser() == null
        || !getPatternParser().isCaseSensitive()
        || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return true;
    }
    String path =
        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    for (PathShape shape : shapesOf(info)) {
      if (shape.admits(path)) {
        return true;
      }
    }
    return false;
  }

  private PathShape[] shapesOf(RequestMappingInfo info) {
    PathShape[] known = shapes.get(info);
    if (known != null) {
      return known;
    }
    PathPatternsRequestCondition condition = info.getPathPatternsCondition();
    PathShape[] found =
        condition == null || condition.isEmptyPathMapping()
            ? new PathShape[] {PathShape.ANY}
            : condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(PathShape::of)
                .toArray(PathShape[]::new);
    shapes.put(info, found);
    return found;
  }
}
