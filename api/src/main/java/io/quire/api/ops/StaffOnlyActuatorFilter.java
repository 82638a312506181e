package io.quire.api.ops;

import io.quire.api.accounts.TokenAuthenticationInterceptor;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.errors.FilterErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything under {@code /actuator} but the health probes is for staff: the same token as {@code
 * /api/v1/admin} ({@code Authorization: Token <token>} or {@code Bearer <token>}, which is what
 * Prometheus sends with {@code authorization.credentials}), answered in the error envelope: no
 * token 401 {@code not_authenticated}, a wrong one 401 {@code invalid_token}, a signed-in user who
 * is not staff 403 {@code permission_denied}. The health probes ({@value #HEALTH}, its {@code
 * liveness} and {@code readiness} groups) answer anyone with a status and nothing else, as {@code
 * /livez/} and {@code /readyz/} do, and never look at a token.
 *
 * <p>The path is the one the container decoded and normalised ({@code ..}, {@code ;params},
 * duplicate slashes), and only the probes' exact paths are open; any other path under {@code
 * /actuator}, existing or not, needs a staff token, so no spelling of a path reaches an endpoint
 * past this check. Actuator endpoints are mapped outside Spring MVC's request mappings, where the
 * token interceptor does not run, hence a filter.
 */
public class StaffOnlyActuatorFilter extends OncePerRequestFilter {

  static final String BASE = "/actuator";
  static final String HEALTH = BASE + "/health";

  private static final Set<String> OPEN =
      Set.of(HEALTH, HEALTH + "/liveness", HEALTH + "/readiness");

  private final TokenAuthenticationInterceptor authentication;
  private final FilterErrors errors;

  public StaffOnlyActuatorFilter(
      TokenAuthenticationInterceptor authentication, FilterErrors errors) {
    this.authentication = authentication;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.equals(BASE) || path.startsWith(BASE + "/")) || OPEN.contains(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      authentication.preHandle(request, response, null);
      TokenAuthenticationInterceptor.currentUser(request)
          .orElseThrow(() -> new ApiException(ErrorCode.NOT_AUTHENTICATED))
          .requireStaff();
    } catch (ApiException refused) {
      errors.answer(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The decoded, normalised path within the application, without a trailing slash. */
  static String path(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
