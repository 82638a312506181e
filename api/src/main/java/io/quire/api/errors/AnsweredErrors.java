package io.quire.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Remembers on the request which error code its answer carried, as the envelope is written, so that
 * a filter can tell after the fact why a request was refused ({@link #of}): two 400s may be a
 * {@code validation_error} or a {@code stale_timestamp}. Changes no answer.
 */
@ControllerAdvice
public class AnsweredErrors implements ResponseBodyAdvice<Object> {

  private static final String ATTRIBUTE = AnsweredErrors.class.getName() + ".code";

  /** The code of the error envelope this request was answered with, if it was. */
  public static Optional<String> of(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ErrorEnvelope envelope
        && request instanceof ServletServerHttpRequest servlet) {
      servlet.getServletRequest().setAttribute(ATTRIBUTE, envelope.error().code());
    }
    return body;
  }
}
