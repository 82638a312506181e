package io.quire.api.audit;

import io.quire.api.web.QueryParameters;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies a controller's {@link AuditParameters} from the query string, each parameter read once
 * (a parameter given more than once is recorded as such, for {@link AuditParameters#filter} to
 * name), without a data binder, which would join repeated values with a comma.
 */
public final class AuditParametersArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AuditParameters.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Set<String> repeated = new LinkedHashSet<>();
    return new AuditParameters(
        QueryParameters.single(request, "after", repeated),
        QueryParameters.single(request, "limit", repeated),
        QueryParameters.single(request, "type", repeated),
        QueryParameters.single(request, "since", repeated),
        QueryParameters.single(request, "until", repeated),
        repeated);
  }
}
