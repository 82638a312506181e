package io.quire.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error report (a malformed request line, an error after Spring gave up)
 * written as the {@link ErrorEnvelope} instead of Tomcat's HTML page. Spring is not involved at
 * this depth, so the envelope is written here directly. Installed on the host by {@code
 * io.quire.api.web.WebConfiguration}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ErrorCode code = ErrorCode.forStatus(status);
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            JSON.writeValueAsString(
                ErrorEnvelope.of(code.code(), code.defaultMessage(), Map.of())));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }
}
