package io.quire.api.web;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.FilterErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters that carry a NUL character ({@code ?q=%00}) are a 400 on that parameter: the NUL
 * cannot reach a statement on PostgreSQL (see {@link StorableText}), and it would otherwise be an
 * error of the database. A query string longer than {@value #MAX_QUERY_BYTES} bytes (as sent,
 * percent-encoded) is a 400 on {@code query}, on every endpoint: Tomcat reads request lines and
 * headers of up to {@code server.max-http-request-header-size} (64 KB, so that such a request gets
 * here), and beyond that refuses the request itself ({@link
 * io.quire.api.errors.JsonErrorReportValve}). Only the raw query string is looked at, so a request
 * body is never read here.
 */
public class QueryTextFilter extends OncePerRequestFilter {

  /** The longest query string served, in bytes. */
  public static final int MAX_QUERY_BYTES = 8192;

  static final String TOO_LONG =
      "Ensure the query string has no more than " + MAX_QUERY_BYTES + " bytes.";

  private final FilterErrors errors;

  public QueryTextFilter(FilterErrors errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && tooLong(query)) {
      errors.answer(request, response, ApiException.invalid("query", TOO_LONG));
      return;
    }
    if (query != null && query.indexOf('%') >= 0) {
      Map<String, List<String>> problems = problems(query);
      if (!problems.isEmpty()) {
        errors.answer(request, response, ApiException.invalid(problems));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether {@code query} has more than {@value #MAX_QUERY_BYTES} bytes (in UTF-8: 1 to 3 a char).
   */
  static boolean tooLong(String query) {
    return query.length() > MAX_QUERY_BYTES / 3
        && query.getBytes(StandardCharsets.UTF_8).length > MAX_QUERY_BYTES;
  }

  /** The parameters of {@code query} whose name or value holds an encoded NUL. */
  static Map<String, List<String>> problems(String query) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.toUpperCase(Locale.ROOT).contains("%00")) {
        int equals = pair.indexOf('=');
        String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
        problems.put(name.replace("\u0000", ""), List.of(StorableText.NUL_MESSAGE));
      }
    }
    return problems;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
