package io.quire.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
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

  /** Each mapping's shapes, worked out once as it is registered at start-up. */
  private final Map<RequestMappingInfo, PathShape[]> shapes = new ConcurrentHashMap<>();

  /** Whether paths are matched as shapes compare them: as parsed patterns, case-sensitively. */
  private boolean judgesShapes;

  @Override
  public void afterPropertiesSet() {
    judgesShapes = getPatternParser() != null && getPatternParser().isCaseSensitive();
    super.afterPropertiesSet();
  }

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    shapes.put(mapping, shapesOf(mapping));
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    shapes.put(mapping, shapesOf(mapping));
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    return admits(info, request) ? super.getMatchingMapping(info, request) : null;
  }

  /**
   * Whether any of the mapping's patterns admits the request's path (a mapping registered some
   * other way, with no shapes known, admits every path).
   */
  boolean admits(RequestMappingInfo info, HttpServletRequest request) {
    PathShape[] known = shapes.get(info);
    if (!judgesShapes || known == null || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return true;
    }
    String path =
        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    for (PathShape shape : known) {
      if (shape.admits(path)) {
        return true;
      }
    }
    return false;
  }

  private static PathShape[] shapesOf(RequestMappingInfo info) {
    PathPatternsRequestCondition condition = info.getPathPatternsCondition();
    return condition == null || condition.isEmptyPathMapping()
        ? new PathShape[] {PathShape.ANY}
        : condition.getPatterns().stream()
            .map(PathPattern::getPatternString)
            .map(PathShape::of)
            .toArray(PathShape[]::new);
  }
}
