package io.quire.api.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What readiness means: the database answers and every event processor runs without error. */
@Component
class ReadinessChecks {

  static final String OK = "ok";

  private final JdbcTemplate jdbc;
  private final EventProcessingConfiguration processors;

  ReadinessChecks(JdbcTemplate jdbc, EventProcessingConfiguration processors) {
    this.jdbc = jdbc;
    this.processors = processors;
  }

  /** Each check's name and {@code ok}, or what is wrong. */
  Map<String, String> run() {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("database", database());
    processors
        .eventProcessors()
        .forEach((name, processor) -> checks.put("event_processor:" + name, processor(processor)));
    return checks;
  }

  private String database() {
    try {
      Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
      return one != null && one == 1 ? OK : "unexpected answer";
    } catch (RuntimeException e) {
      return "unreachable";
    }
  }

  private static String processor(EventProcessor processor) {
    if (!processor.isRunning()) {
      return "stopped";
    }
    if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
      return "error";
    }
    return OK;
  }
}
