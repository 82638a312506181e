package io.quire.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets servlet filters, which run before Spring MVC, answer an error through {@link
 * ErrorEnvelopeAdvice} like every controller does.
 */
@Component
public class FilterErrors {

  private final HandlerExceptionResolver resolver;

  FilterErrors(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    this.resolver = resolver;
  }

  public void answer(HttpServletRequest request, HttpServletResponse response, Exception error) {
    resolver.resolveException(request, response, null, error);
  }
}
