package io.quire.api.accounts;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.command.accounts.AccountService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code Authorization: Token <token>} (or {@code Bearer <token>}). A request without
 * the header stays anonymous; one with a header that names no valid token answers 401 {@code
 * invalid_token}, on every endpoint but those of {@link WithoutTokens} controllers (webhooks,
 * probes), which never look at the header. Runs after the path is matched, so an unknown path is a
 * 404 first.
 */
@Component
public class TokenAuthenticationInterceptor implements HandlerInterceptor {

  static final String CURRENT_USER = CurrentUser.class.getName();

  private final AccountService accounts;

  TokenAuthenticationInterceptor(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank() || withoutTokens(handler)) {
      return true;
    }
    String token = tokenOf(header.strip());
    if (token == null) {
      throw new ApiException(ErrorCode.INVALID_TOKEN);
    }
    CurrentUser user =
        accounts
            .authenticate(token)
            .map(a -> new CurrentUser(a.id(), a.username(), a.email(), a.staff()))
            .orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
    request.setAttribute(CURRENT_USER, user);
    return true;
  }

  /** Whether the handler's endpoints ignore {@code Authorization} ({@link WithoutTokens}). */
  public static boolean withoutTokens(Object handler) {
    return handler instanceof HandlerMethod method
        && method.getBeanType().isAnnotationPresent(WithoutTokens.class);
  }

  /** The user this request authenticated as, if it carried a valid token. */
  public static Optional<CurrentUser> currentUser(HttpServletRequest request) {
    return Optional.ofNullable((CurrentUser) request.getAttribute(CURRENT_USER));
  }

  private static String tokenOf(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String token = header.substring(space + 1).strip();
    if (!(scheme.equals("token") || scheme.equals("bearer"))
        || token.isEmpty()
        || token.length() > 200
        || token.contains(" ")) {
      return null;
    }
    return token;
  }
}
