package io.quire.api.web;

import io.quire.kernel.common.RequestMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id ({@link RequestIds}) before anything else runs: answered in the
 * {@value RequestIds#HEADER} response header (set first, so errors, 401s and 404s of unknown paths
 * carry it as well), and put in the logging context under {@value RequestMetadata#REQUEST_ID} for
 * the whole request, so every log line of the request shows it (the pattern's {@code
 * %X{requestId}}, {@code logging.pattern.correlation}) and every command the request sends carries
 * it into its events ({@code io.quire.api.config.RequestIdMessages}). An error dispatch of the
 * container (after the request's own dispatch has ended) takes the same id again.
 */
public class RequestIdFilter extends OncePerRequestFilter {

  /** The request attribute that holds the id, for the container's error dispatch. */
  static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    withId(request, response, chain);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterNestedErrorDispatch(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    withId(request, response, chain);
  }

  private static void withId(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id =
        request.getAttribute(ATTRIBUTE) instanceof String known
            ? known
            : RequestIds.choose(Collections.list(request.getHeaders(RequestIds.HEADER)));
    request.setAttribute(ATTRIBUTE, id);
    if (!response.isCommitted()) {
      response.setHeader(RequestIds.HEADER, id);
    }
    String outer = MDC.get(RequestMetadata.REQUEST_ID);
    MDC.put(RequestMetadata.REQUEST_ID, id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        MDC.remove(RequestMetadata.REQUEST_ID);
      } else {
        MDC.put(RequestMetadata.REQUEST_ID, outer);
      }
    }
  }
}
