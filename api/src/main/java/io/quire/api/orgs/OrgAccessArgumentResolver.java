package io.quire.api.orgs;

import io.quire.kernel.orgs.OrgAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the {@link OrgAccess} that {@link OrgAccessInterceptor} granted to the request. */
public class OrgAccessArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == OrgAccess.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    return OrgAccessInterceptor.of(request)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "OrgAccess is only available on /api/v1/orgs/{slug}/... endpoints"));
  }
}
