package io.quire.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's last-resort error report (a malformed request line, an error after Spring gave up)
 * written as the {@link ErrorEnvelope} instead of Tomcat's HTML page. Spring is not involved at
 * this depth, so the envelope is written here directly. Installed on the host by {@code
 * io.quire.api.web.WebConfiguration}. Where the cause is known, {@code details} says it: a request
 * line and headers beyond Tomcat's limit ({@code server.max-http-request-header-size}) are a 400 on
 * {@code headers} that names the limit.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tomcat's message for a request line and headers beyond its limit (in the JVM's locale). */
  private static final String HEADERS_TOO_LARGE =
      StringManager.getManager(Http11InputBuffer.class)
          .getString("iib.requestheadertoolarge.error");

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ErrorCode code = ErrorCode.forStatus(status);
    try {
      if (response.getHeader(RequestIds.HEADER) == null) {
        // A request refused before any filter ran (a malformed request line) has an id too.
        response.setHeader(RequestIds.HEADER, RequestIds.fresh());
      }
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            JSON.writeValueAsString(
                ErrorEnvelope.of(code.code(), code.defaultMessage(), details(request, throwable))));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }

  /** What is known of the error's cause: {@code {}} unless Tomcat said why. */
  private static Map<String, List<String>> details(Request request, Throwable throwable) {
    Throwable cause =
        throwable != null
            ? throwable
            : (Throwable)
                request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (cause instanceof IllegalArgumentException && HEADERS_TOO_LARGE.equals(cause.getMessage())) {
      return Map.of("headers", List.of(headersTooLarge(request)));
    }
    return Map.of();
  }

  private static String headersTooLarge(Request request) {
    if (request.getConnector() != null
        && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
      return "Ensure the request line and headers together have no more than "
          + http.getMaxHttpRequestHeaderSize()
          + " bytes.";
    }
    return "The request line and headers together are too large.";
  }
}
