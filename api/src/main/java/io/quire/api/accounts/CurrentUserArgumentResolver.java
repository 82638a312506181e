package io.quire.api.accounts;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link CurrentUser} parameters, or answers 401 when the request carries no token; and
 * {@link Viewer} parameters, anonymous or not.
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CurrentUser.class
        || parameter.getParameterType() == Viewer.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Object user =
        webRequest.getAttribute(
            TokenAuthenticationInterceptor.CURRENT_USER, RequestAttributes.SCOPE_REQUEST);
    if (parameter.getParameterType() == Viewer.class) {
      return new Viewer((CurrentUser) user);
    }
    if (user == null) {
      throw new ApiException(ErrorCode.NOT_AUTHENTICATED);
    }
    return user;
  }
}
