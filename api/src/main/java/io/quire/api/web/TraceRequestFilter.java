package io.quire.api.web;

import io.quire.api.errors.FilterErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@code TRACE} is answered like any other method no endpoint takes: 405 in the error envelope with
 * the path's real methods in {@code Allow}, or 404 for a path that does not exist. Tomcat's own
 * refusal of {@code TRACE} has no body and lists every method; letting {@code TRACE} through to the
 * servlet instead would echo the request, headers and all. So Tomcat lets it through (see {@link
 * WebConfiguration}) and this filter answers every {@code TRACE} before any servlet sees it.
 */
public class TraceRequestFilter extends OncePerRequestFilter {

  private final ObjectProvider<HandlerMapping> mappings;
  private final FilterErrors errors;

  public TraceRequestFilter(ObjectProvider<HandlerMapping> mappings, FilterErrors errors) {
    this.mappings = mappings;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"TRACE".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    errors.answer(request, response, refusal(request));
  }

  private Exception refusal(HttpServletRequest request) {
    ServletRequestPathUtils.parseAndCache(request);
    try {
      // No mapping takes TRACE: one that matches the path says which methods it takes instead.
      return mappings.getObject().getHandler(request) == null
          ? new NoHandlerFoundException("TRACE", request.getRequestURI(), HttpHeaders.EMPTY)
          : new HttpRequestMethodNotSupportedException("TRACE", Set.of());
    } catch (Exception e) {
      return e;
    } finally {
      ServletRequestPathUtils.clearParsedRequestPath(request);
    }
  }
}
