package io.quire.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * {@code headers} that names the limit; a path that does not decode (bad escapes, an encoded NUL,
 * bytes that are not UTF-8) is a 400 on {@code path}.
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
                ErrorEnvelope.of(
                    code.code(), code.defaultMessage(), details(request, status, throwable))));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }

  /** What is known of the error's cause: {@code {}} unless Tomcat said why. */
  private static Map<String, List<String>> details(
      Request request, int status, Throwable throwable) {
    Throwable cause =
        throwable != null
            ? throwable
            : (Throwable)
                request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (cause instanceof IllegalArgumentException && HEADERS_TOO_LARGE.equals(cause.getMessage())) {
      return Map.of("headers", List.of(headersTooLarge(request)));
    }
    if (status == 400 && !decodablePath(request.getCoyoteRequest().requestURI().toString())) {
      return Map.of(
          "path",
          List.of("Ensure the path is percent-encoded UTF-8 without encoded NUL characters."));
    }
    return Map.of();
  }

  /**
   * Whether a path as sent decodes: every {@code %XX} escape is hexadecimal, none is a NUL, and the
   * bytes are UTF-8. Tomcat refuses the others with a bare 400 before any filter runs.
   */
  static boolean decodablePath(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      if (i + 2 >= raw.length()) {
        return false;
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0 || (high == 0 && low == 0)) {
        return false;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
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
