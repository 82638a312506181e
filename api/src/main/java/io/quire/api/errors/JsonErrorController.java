package io.quire.api.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: errors raised outside Spring MVC (a filter's exception, a
 * {@code sendError} from the container) are forwarded here and re-raised, so that {@link
 * ErrorEnvelopeAdvice} renders them. Requested directly, it is just an unknown path.
 */
@Hidden
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request) throws Exception {
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Exception e) {
      throw e;
    }
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer i ? i : 404;
    throw new ApiException(ErrorCode.forStatus(code));
  }
}
