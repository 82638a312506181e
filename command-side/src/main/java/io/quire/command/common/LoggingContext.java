package io.quire.command.common;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries the logging context (MDC: the request id, {@code io.quire.kernel.common.RequestMetadata})
 * of the thread that hands work to another thread along with the work, so that the work's log lines
 * and the messages it sends belong to the request that caused it (a command's retry, an export's
 * job).
 */
public final class LoggingContext {

  private LoggingContext() {}

  /**
   * {@code work} running in the logging context this thread has now; the running thread's own
   * context is restored afterwards.
   */
  public static Runnable carriedTo(Runnable work) {
    Map<String, String> caller = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> own = MDC.getCopyOfContextMap();
      set(caller);
      try {
        work.run();
      } finally {
        set(own);
      }
    };
  }

  private static void set(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
