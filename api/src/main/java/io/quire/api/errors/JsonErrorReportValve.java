package io.quire.api.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error report (a malformed request line, an error after Spring gave up)
 * written as the JSON envelope instead of Tomcat's HTML page. Installed on the host by {@link
 * io.quire.api.web.WebConfiguration}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

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
            "{\"error\":{\"code\":\""
                + code.code()
                + "\",\"message\":\""
                + code.defaultMessage()
                + "\",\"details\":{}}}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }
}
