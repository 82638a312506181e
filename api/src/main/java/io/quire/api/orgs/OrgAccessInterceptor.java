package io.quire.api.orgs;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.accounts.TokenAuthenticationInterceptor;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.web.ReadModels;
import io.quire.kernel.orgs.FindOrgAccessQuery;
import io.quire.kernel.orgs.OrgAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Tenant isolation for every {@code /api/v1/orgs/{slug}/...} endpoint, decided before anything else
 * about the request (its body, its parameters) is looked at: no token is 401, and a caller who is
 * not a member gets exactly the 404 that an org that does not exist gets. Members get their {@link
 * OrgAccess} as a controller parameter.
 */
@Component
public class OrgAccessInterceptor implements HandlerInterceptor {

  static final String ORG_ACCESS = OrgAccess.class.getName();

  private final ReadModels readModels;

  OrgAccessInterceptor(ReadModels readModels) {
    this.readModels = readModels;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String slug = variables == null ? null : variables.get("slug");
    if (slug == null) {
      return true;
    }
    CurrentUser user =
        TokenAuthenticationInterceptor.currentUser(request)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_AUTHENTICATED));
    if (method.hasMethodAnnotation(MembershipCheckedByQuery.class)) {
      return true;
    }
    OrgAccess access = lookUp(slug, user);
    if (method.hasMethodAnnotation(OrgAdminsOnly.class) && !access.isAdmin()) {
      throw new ApiException(ErrorCode.PERMISSION_DENIED);
    }
    request.setAttribute(ORG_ACCESS, access);
    return true;
  }

  /** The caller's access to the org with this slug: 404 for a non-member, as for no such org. */
  public OrgAccess lookUp(String slug, CurrentUser user) {
    return readModels
        .find(new FindOrgAccessQuery(slug, user.id()), OrgAccess.class)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
  }

  /** The access the interceptor granted to this request. */
  static Optional<OrgAccess> of(HttpServletRequest request) {
    return Optional.ofNullable((OrgAccess) request.getAttribute(ORG_ACCESS));
  }
}
