package io.quire.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness for orchestrators and load balancers. */
@RestController
@Tag(name = "Operations")
class HealthController {

  private final JdbcTemplate jdbc;
  private final EventProcessingConfiguration processors;

  HealthController(JdbcTemplate jdbc, EventProcessingConfiguration processors) {
    this.jdbc = jdbc;
    this.processors = processors;
  }

  /** The readiness answer; {@code checks} maps each check to {@code ok} or what is wrong. */
  record Readiness(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ok", "unavailable"})
          String status,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> checks) {}

  @GetMapping("/readyz")
  @Operation(
      summary = "Readiness: the database answers and every event processor runs",
      responses = {
        @ApiResponse(responseCode = "200", description = "Ready"),
        @ApiResponse(
            responseCode = "503",
            description = "Not ready; same shape",
            content = @Content(schema = @Schema(implementation = Readiness.class)))
      })
  ResponseEntity<Readiness> readyz() {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("database", database());
    for (Map.Entry<String, EventProcessor> e : processors.eventProcessors().entrySet()) {
      checks.put("event_processor:" + e.getKey(), processor(e.getValue()));
    }
    boolean ready = checks.values().stream().allMatch("ok"::equals);
    return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(new Readiness(ready ? "ok" : "unavailable", checks));
  }

  record Liveness(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status) {}

  @GetMapping("/livez")
  @Operation(summary = "Liveness: the process answers")
  Liveness livez() {
    return new Liveness("ok");
  }

  private String database() {
    try {
      Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
      return one != null && one == 1 ? "ok" : "unexpected answer";
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
    return "ok";
  }
}
